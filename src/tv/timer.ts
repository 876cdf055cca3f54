/**
 * One-shot timers on the SDK's Registry, which clears every timer it holds when the app
 * closes. A Timer runs at most one callback at a time: starting it again replaces the one
 * pending, and stopping a timer that has already fired is harmless (the Registry itself
 * complains about an id it no longer holds).
 */
import { Registry } from '@lightningjs/sdk';

/** Where timers come from: the Registry on the box, a fake clock in unit tests. */
export interface Clock {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
}

export const appClock: Clock = {
  setTimeout: (callback, ms) => Registry.setTimeout(callback, ms) as unknown,
  clearTimeout: (id) => Registry.clearTimeout(id),
};

export class Timer {
  private pending: unknown = undefined;

  constructor(private readonly clock: Clock = appClock) {}

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
