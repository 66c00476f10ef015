/** An RFC 9457 problem returned by the API, or an HTTP failure described the same way. */
export class ApiProblem extends Error {
  readonly title: string
  readonly status: number
  readonly detail: string | undefined
  readonly type: string | undefined

  constructor(problem: { title: string; status: number; detail?: string | undefined; type?: string | undefined }) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title)
    this.name = 'ApiProblem'
    this.title = problem.title
    this.status = problem.status
    this.detail = problem.detail
    this.type = problem.type
  }
}
