import { nextTick, ref, type Ref } from 'vue'
import { useProblem } from '@/composables/useProblem'

/**
 * The state of a form's submission: errors by field, the problem to show above the form, and `submitting`.
 * `submit` validates first; on a rejection it shows the API's field errors and problem. Whenever fields are
 * in error, the first one (in the order of `fieldIds`, which maps each field to its element id) gets the focus.
 */
export function useFormSubmit<F extends string>(fieldIds: Readonly<Record<F, string>>) {
  const { describe, fieldErrors } = useProblem()
  const errors = ref({}) as Ref<Partial<Record<F, string>>>
  const problem = ref<string | null>(null)
  const submitting = ref(false)

  async function focusFirstError(): Promise<void> {
    await nextTick()
    const first = (Object.keys(fieldIds) as F[]).find((field) => errors.value[field])
    if (first) {
      document.getElementById(fieldIds[first])?.focus()
    }
  }

  async function submit(validate: () => Partial<Record<F, string>>, send: () => Promise<void>): Promise<void> {
    problem.value = null
    errors.value = validate()
    if (Object.keys(errors.value).length > 0) {
      await focusFirstError()
      return
    }
    submitting.value = true
    try {
      await send()
    } catch (error) {
      errors.value = fieldErrors(error) as Partial<Record<F, string>>
      problem.value = describe(error)
      await focusFirstError()
    } finally {
      submitting.value = false
    }
  }

  return { errors, problem, submitting, submit }
}
