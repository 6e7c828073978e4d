/** An error the client caused, sent as a 4xx `application/problem+json`. */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly parameter?: string,
    readonly slug = 'invalid-parameter',
    /** Further members of the problem object, such as an import report. */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail);
  }
}
