import { definePreset } from '@primeuix/themes'
import Aura from '@primeuix/themes/aura'

/**
 * Aura with a blue primary dark enough for white text (Aura's default emerald-500 under white text fails
 * WCAG AA contrast) and a thicker focus ring. Light scheme only: our own CSS is light.
 */
export const TaskforcePreset = definePreset(Aura, {
  semantic: {
    primary: {
      50: '{blue.50}',
      100: '{blue.100}',
      200: '{blue.200}',
      300: '{blue.300}',
      400: '{blue.400}',
      500: '{blue.500}',
      600: '{blue.600}',
      700: '{blue.700}',
      800: '{blue.800}',
      900: '{blue.900}',
      950: '{blue.950}',
    },
    focusRing: {
      width: '3px',
      style: 'solid',
      color: '{blue.700}',
      offset: '2px',
    },
    colorScheme: {
      light: {
        primary: {
          color: '{primary.700}',
          contrastColor: '#ffffff',
          hoverColor: '{primary.800}',
          activeColor: '{primary.900}',
        },
      },
    },
  },
})

export const primeVueOptions = {
  theme: {
    preset: TaskforcePreset,
    options: { darkModeSelector: '.taskforce-dark' },
  },
}
