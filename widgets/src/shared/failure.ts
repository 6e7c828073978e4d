import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { TaskStatus, type Task } from '@lit/task';
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

/**
 * Runs a task again when the browser comes back online after it failed for being offline,
 * so the shopper need not click "try again". The listener lives while the host is connected.
 */
export class RetryWhenOnlineController implements ReactiveController {
  private listeners: AbortController | null = null;

  constructor(
    host: ReactiveControllerHost,
    private readonly task: Task<readonly unknown[], unknown>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.listeners = new AbortController();
    window.addEventListener(
      'online',
      () => {
        if (this.task.status === TaskStatus.ERROR && failureOf(this.task.error) === 'offline')
          void this.task.run();
      },
      { signal: this.listeners.signal },
    );
  }

  hostDisconnected(): void {
    this.listeners?.abort();
    this.listeners = null;
  }
}
