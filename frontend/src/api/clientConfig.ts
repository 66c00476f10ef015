import { ApiProblem } from './problem'

/** What the SPA needs to sign in, served anonymously by the backend. */
export interface ClientConfig {
  authServerUrl: string
  realm: string
  clientId: string
}

export async function fetchClientConfig(): Promise<ClientConfig> {
  const response = await fetch('/api/v1/client-config', { headers: { Accept: 'application/json' } })
  if (!response.ok) {
    throw new ApiProblem({ title: response.statusText || 'Client configuration unavailable', status: response.status })
  }
  return (await response.json()) as ClientConfig
}
