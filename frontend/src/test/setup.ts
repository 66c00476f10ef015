import { afterEach } from 'vitest'
import { cleanup } from '@testing-library/vue'
import { setAuthClient } from '@/auth/keycloak'

// Vitest globals are off, so Testing Library cannot register its own clean-up.
afterEach(() => {
  cleanup()
  setAuthClient(null)
  window.localStorage.clear()
  window.sessionStorage.clear()
})
