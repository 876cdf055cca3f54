/**
 * A one-shot timer that runs at most one callback at a time: starting it again replaces the
 * run pending, and stopping it after it fired is harmless. Its clock is the SDK's Registry on
 * the box (appTimers.ts) and a fake one in unit tests.
 */

/** Where timers come from. */
export interface Clock {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
}

export class Timer {
  private pending: unknown = undefined;

  constructor(private readonly clock: Clock) {}

  /** Runs `callback` in `ms`, in place of any run still pending. */
  start(ms: number, callback: () => void): void {
    this.stop();
    const id = this.clock.setTimeout(() => {
      if (this.pending === id) this.pending = undefined;
      callback();
    }, ms);
    this.pending = id;
  }

  stop(): void {
    if (this.pending === undefined) return;
    this.clock.clearTimeout(this.pending);
    this.pending = undefined;
  }
}
