import Keycloak from 'keycloak-js'
import type { ClientConfig } from '@/api/clientConfig'
import type { AuthClient } from './keycloak'

/**
 * Creates the keycloak-js client and signs the user in (redirecting to Keycloak when needed).
 * Authorization code flow with PKCE; tokens stay in the instance's memory.
 */
export async function createKeycloakAuth(config: ClientConfig): Promise<AuthClient> {
  const keycloak = new Keycloak({ url: config.authServerUrl, realm: config.realm, clientId: config.clientId })
  const authenticated = await keycloak.init({
    onLoad: 'login-required',
    pkceMethod: 'S256',
    checkLoginIframe: false,
  })
  if (!authenticated) {
    await keycloak.login()
  }
  return keycloak
}
