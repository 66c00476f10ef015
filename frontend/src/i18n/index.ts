import { createI18n } from 'vue-i18n'
import en from './en.json'
import fr from './fr.json'

export type MessageSchema = typeof en
export const LOCALES = ['fr', 'en'] as const
export type Locale = (typeof LOCALES)[number]

/** The user's language choice. Not a secret: only the language is kept in the browser. */
export const LANG_STORAGE_KEY = 'taskforce.lang'

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

function savedLocale(): string | null {
  try {
    return window.localStorage.getItem(LANG_STORAGE_KEY)
  } catch {
    return null
  }
}

/** A saved choice first, then the browser's language (French if it starts with "fr"), else English. */
export function detectLocale(saved: string | null = savedLocale(), browser: string | undefined = navigator.language): Locale {
  if (isLocale(saved)) {
    return saved
  }
  return browser?.toLowerCase().startsWith('fr') ? 'fr' : 'en'
}

export function createAppI18n(locale: Locale = detectLocale()) {
  document.documentElement.lang = locale
  return createI18n<[MessageSchema], Locale, false>({
    legacy: false,
    locale,
    fallbackLocale: 'en',
    messages: { en, fr },
  })
}

export type AppI18n = ReturnType<typeof createAppI18n>

/** Keeps the page's `lang` attribute and the saved choice in step with the language shown. */
export function rememberLocale(locale: Locale): void {
  document.documentElement.lang = locale
  try {
    window.localStorage.setItem(LANG_STORAGE_KEY, locale)
  } catch {
    // storage unavailable (private mode): the choice lasts for this page only
  }
}
