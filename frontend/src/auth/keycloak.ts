/**
 * The authentication client seen by the rest of the application. In the browser it is the keycloak-js
 * instance (see keycloakAdapter.ts); unit specs set a fake. Tokens live in memory only, inside that
 * instance: nothing here writes them to localStorage or sessionStorage.
 */
export interface AuthClient {
  /** The current access token, if signed in. */
  readonly token?: string | undefined
  /** Refreshes the token if it expires within `minValidity` seconds; rejects if it cannot. */
  updateToken(minValidity: number): Promise<boolean>
  /** Starts a new login (a redirect to the identity provider in the browser). */
  login(): Promise<void>
  logout(options?: { redirectUri?: string }): Promise<void>
}

let current: AuthClient | null = null

export function setAuthClient(client: AuthClient | null): void {
  current = client
}

export function authClient(): AuthClient {
  if (!current) {
    throw new Error('The authentication client is not initialised')
  }
  return current
}

/** Logs out and comes back to the application's root. */
export function logout(): Promise<void> {
  return authClient().logout({ redirectUri: window.location.origin + '/' })
}
