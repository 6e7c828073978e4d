import type { Problem } from '@lokaal/core';

/** Every error the client throws is one of these; switch on `kind`. */
export abstract class LokaalError extends Error {
  abstract readonly kind: 'network' | 'aborted' | 'timeout' | 'problem' | 'response';
}

/** The API could not be reached (offline, DNS, refused, CORS). */
export class NetworkError extends LokaalError {
  readonly kind = 'network';
  constructor(
    readonly url: string,
    options?: { cause?: unknown },
  ) {
    super(`could not reach ${url}`, options);
    this.name = 'NetworkError';
  }
}

/** The caller aborted the request through its `AbortSignal`. */
export class AbortedError extends LokaalError {
  readonly kind = 'aborted';
  constructor() {
    super('the request was aborted');
    this.name = 'AbortedError';
  }
}

/** The API did not answer within the client's timeout. */
export class TimeoutError extends LokaalError {
  readonly kind = 'timeout';
  constructor(readonly timeoutMs: number) {
    super(`no answer within ${timeoutMs} ms`);
    this.name = 'TimeoutError';
  }
}

/** The API answered with an error, as RFC 9457 problem details. */
export class ProblemError extends LokaalError implements Problem {
  readonly kind = 'problem';
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly parameter?: string;
  readonly instance?: string;
  /** Seconds to wait before trying again, from `Retry-After` on a 429 or 503. */
  readonly retryAfterSeconds: number | null;
  constructor(problem: Problem, retryAfterSeconds: number | null = null) {
    super(problem.detail ?? problem.title);
    this.name = 'ProblemError';
    this.type = problem.type;
    this.title = problem.title;
    this.status = problem.status;
    if (problem.detail !== undefined) this.detail = problem.detail;
    if (problem.parameter !== undefined) this.parameter = problem.parameter;
    if (problem.instance !== undefined) this.instance = problem.instance;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** The API answered with something that is not the JSON the contract promises. */
export class ResponseError extends LokaalError {
  readonly kind = 'response';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ResponseError';
  }
}
