import { createApp } from 'vue'
import { createPinia } from 'pinia'
import PrimeVue from 'primevue/config'
import ConfirmationService from 'primevue/confirmationservice'
import ToastService from 'primevue/toastservice'
import App from './App.vue'
import StartupError from './components/StartupError.vue'
import { fetchClientConfig } from './api/clientConfig'
import { setAuthClient } from './auth/keycloak'
import { createKeycloakAuth } from './auth/keycloakAdapter'
import { createAppI18n } from './i18n'
import { createAppRouter } from './router'
import { useSessionStore } from './stores/session'
import { primeVueOptions } from './theme'
import './style.css'

async function bootstrap(): Promise<void> {
  const i18n = createAppI18n()
  try {
    const config = await fetchClientConfig()
    setAuthClient(await createKeycloakAuth(config))

    const pinia = createPinia()
    const session = useSessionStore(pinia)
    await session.load()

    const router = createAppRouter(() => session.roles)
    const app = createApp(App)
      .use(pinia)
      .use(i18n)
      .use(PrimeVue, primeVueOptions)
      .use(ConfirmationService)
      .use(ToastService)
      .use(router)
    await router.isReady()
    app.mount('#app')
  } catch (error) {
    console.error('Taskforce could not start', error)
    createApp(StartupError).use(i18n).mount('#app')
  }
}

void bootstrap()
