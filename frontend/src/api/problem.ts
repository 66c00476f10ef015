/** A field the API rejected, with the reason (`errors` member of a 400 problem); `field` is a path such as `create.body.slug`. */
export interface FieldError {
  field: string | null
  message: string
}

/** An RFC 9457 problem returned by the API, or an HTTP failure described the same way. */
export class ApiProblem extends Error {
  readonly title: string
  readonly status: number
  readonly detail: string | undefined
  readonly type: string | undefined
  readonly requestId: string | undefined
  readonly errors: readonly FieldError[]

  constructor(problem: {
    title: string
    status: number
    detail?: string | undefined
    type?: string | undefined
    requestId?: string | undefined
    errors?: readonly FieldError[] | undefined
  }) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title)
    this.name = 'ApiProblem'
    this.title = problem.title
    this.status = problem.status
    this.detail = problem.detail
    this.type = problem.type
    this.requestId = problem.requestId
    this.errors = problem.errors ?? []
  }

  /**
   * The message for each rejected field, by field name: the last segment of its path without a list index
   * (`create.body.slug` gives `slug`, `create.body.urls[1]` gives `urls`). The first message wins when a field has
   * several.
   */
  fieldErrors(): Record<string, string> {
    const byField: Record<string, string> = {}
    for (const error of this.errors) {
      const name = error.field?.split('.').pop()?.replace(/\[\d*\]$/, '')
      if (name) {
        byField[name] ??= error.message
      }
    }
    return byField
  }
}
