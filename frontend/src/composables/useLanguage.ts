import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { isLocale, LOCALES, rememberLocale, type Locale } from '@/i18n'

/** The current language and a way to switch it (kept across visits, reflected in `<html lang>`). */
export function useLanguage() {
  const { locale: i18nLocale } = useI18n({ useScope: 'global' })
  const locale = computed<Locale>(() => (isLocale(i18nLocale.value) ? i18nLocale.value : 'en'))

  function setLocale(next: Locale): void {
    i18nLocale.value = next
    rememberLocale(next)
  }

  return { locale, locales: LOCALES, setLocale }
}
