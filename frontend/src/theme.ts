import { definePreset } from '@primeuix/themes'
import Aura from '@primeuix/themes/aura'

/**
 * Aura with a blue primary dark enough for white text (Aura's default emerald-500 under white text fails
 * WCAG AA contrast) and a thicker focus ring. Light scheme only: our own CSS is light.
 * Outlined and text buttons get darker text and borders than Aura's (slate-500 text on a slate-200 border
 * looked faint, and red-500 on white is under 4.5:1); messages and tags get darker text for the same reason
 * (Aura's green-600 on green-50 is about 3:1).
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
        // input borders at 3:1 or more against white (WCAG 1.4.11); Aura's slate-300 is about 1.5:1
        formField: {
          borderColor: '{surface.500}',
          hoverBorderColor: '{surface.700}',
          invalidBorderColor: '{red.700}',
        },
      },
    },
  },
  components: {
    button: {
      colorScheme: {
        light: {
          outlined: {
            secondary: { color: '{surface.800}', borderColor: '{surface.500}', hoverBackground: '{surface.100}' },
            danger: { color: '{red.700}', borderColor: '{red.600}' },
            success: { color: '{green.800}', borderColor: '{green.600}' },
            primary: { borderColor: '{primary.600}' },
          },
          text: {
            secondary: { color: '{surface.700}' },
            danger: { color: '{red.700}' },
          },
        },
      },
    },
    message: {
      colorScheme: {
        light: {
          info: { color: '{blue.800}', outlined: { color: '{blue.800}' }, simple: { color: '{blue.800}' } },
          success: { color: '{green.800}', outlined: { color: '{green.800}' }, simple: { color: '{green.800}' } },
          warn: { color: '{yellow.800}', outlined: { color: '{yellow.800}' }, simple: { color: '{yellow.800}' } },
          error: { color: '{red.800}', outlined: { color: '{red.800}' }, simple: { color: '{red.800}' } },
        },
      },
    },
    // the bell's unread count: white on Aura's red-500 is 3.8:1, below WCAG AA for its small text; red-700 is 6.5:1
    badge: {
      colorScheme: {
        light: {
          danger: { background: '{red.700}', color: '#ffffff' },
        },
      },
    },
    tag: {
      colorScheme: {
        light: {
          success: { color: '{green.800}' },
          info: { color: '{sky.800}' },
          danger: { color: '{red.800}' },
          warn: { color: '{orange.800}' },
          secondary: { color: '{surface.700}' },
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
