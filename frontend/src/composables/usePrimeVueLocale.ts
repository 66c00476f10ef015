import { watch } from 'vue'
import { usePrimeVue } from 'primevue/config'
import { useLanguage } from './useLanguage'

/**
 * What PrimeVue's widgets say by themselves (dialog close, row expander, empty lists), per language.
 * DataTable names its row toggler `expandRow` when the row is open and `collapseRow` when closed (it describes
 * the state); the button carries aria-expanded, so both get the same neutral name.
 */
const PRIMEVUE_TEXTS = {
  en: {
    accept: 'Yes',
    reject: 'No',
    emptyMessage: 'No results found',
    emptySearchMessage: 'No results found',
    emptySelectionMessage: 'No selected item',
    selectionMessage: '{0} items selected',
    aria: { close: 'Close', expandRow: 'Details', collapseRow: 'Details', listLabel: 'Option list' },
  },
  fr: {
    accept: 'Oui',
    reject: 'Non',
    emptyMessage: 'Aucun résultat',
    emptySearchMessage: 'Aucun résultat',
    emptySelectionMessage: 'Aucun élément sélectionné',
    selectionMessage: '{0} éléments sélectionnés',
    aria: { close: 'Fermer', expandRow: 'Détails', collapseRow: 'Détails', listLabel: 'Liste d’options' },
  },
} as const

/** Keeps PrimeVue's own texts in the user's language. */
export function usePrimeVueLocale(): void {
  const primevue = usePrimeVue()
  const { locale } = useLanguage()
  watch(
    locale,
    (value) => {
      const current = primevue.config.locale
      if (!current) {
        return
      }
      const texts = PRIMEVUE_TEXTS[value]
      primevue.config.locale = { ...current, ...texts, aria: { ...current.aria, ...texts.aria } }
    },
    { immediate: true },
  )
}
