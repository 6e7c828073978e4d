import { NetworkError, ProblemError } from '@lokaal/client';

/** The states an element shows when a request fails; each has its own message and advice. */
export type Failure = 'not-found' | 'offline' | 'error';

export function failureOf(error: unknown): Failure {
  if (error instanceof ProblemError && error.status === 404) return 'not-found';
  if (error instanceof NetworkError || (typeof navigator !== 'undefined' && navigator.onLine === false)) {
    return 'offline';
  }
  return 'error';
}
