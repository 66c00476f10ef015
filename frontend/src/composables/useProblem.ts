import { useI18n } from 'vue-i18n'
import { ApiProblem } from '@/api/problem'

/** Turns a failure into a sentence for the user: the problem's detail when the API gave one. */
export function useProblem() {
  const { t } = useI18n()

  function describe(error: unknown): string {
    if (error instanceof ApiProblem) {
      const text = error.detail ?? error.title
      return error.status >= 500 && error.requestId ? `${text} ${t('errors.requestId', { id: error.requestId })}` : text
    }
    return t('errors.generic')
  }

  /** The API's message for each rejected field, by field name. */
  function fieldErrors(error: unknown): Record<string, string> {
    return error instanceof ApiProblem ? error.fieldErrors() : {}
  }

  return { describe, fieldErrors }
}
