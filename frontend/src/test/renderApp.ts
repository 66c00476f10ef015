import { createPinia } from 'pinia'
import PrimeVue from 'primevue/config'
import ConfirmationService from 'primevue/confirmationservice'
import ToastService from 'primevue/toastservice'
import { createMemoryHistory } from 'vue-router'
import { render } from '@testing-library/vue'
import App from '@/App.vue'
import type { Me } from '@/api/me'
import { createAppI18n, type Locale } from '@/i18n'
import { createAppRouter } from '@/router'
import { useSessionStore } from '@/stores/session'

/** Renders the whole shell for a signed-in user, at `path`, with an in-memory router. */
export async function renderApp(me: Me, { path = '/', locale = 'en' as Locale } = {}) {
  const pinia = createPinia()
  const session = useSessionStore(pinia)
  session.set(me)
  const i18n = createAppI18n(locale)
  const router = createAppRouter(() => session.roles, createMemoryHistory())
  await router.push(path)
  await router.isReady()
  const result = render(App, {
    global: { plugins: [pinia, i18n, [PrimeVue, { theme: 'none' }], ConfirmationService, ToastService, router] },
  })
  return { ...result, router, i18n, session }
}
