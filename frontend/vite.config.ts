import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

const backend = 'http://localhost:8080'

export default defineConfig({
  base: '/',
  plugins: [vue()],
  define: {
    // vue-i18n feature flags (esm-bundler build): no devtools in production, messages compiled at run time
    __INTLIFY_PROD_DEVTOOLS__: false,
    __INTLIFY_DROP_MESSAGE_COMPILER__: false,
  },
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  build: {
    // packaged by the frontend jar under public/, served by the backend at /
    outDir: fileURLToPath(new URL('./target/classes/public', import.meta.url)),
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/api': backend,
      '/health': backend,
    },
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.spec.ts'],
    setupFiles: ['src/test/setup.ts'],
    restoreMocks: true,
  },
})
