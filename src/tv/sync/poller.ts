/**
 * Asks the publisher for news at the interval it sets, with jitter so that a district's
 * boxes do not all arrive at the same moment, and sooner while offline. Timers come from the
 * clock it is given (the SDK's Registry on the box), so the timing is tested without a browser.
 */
import type { FeedHealth } from '../data/store';
import { Timer, type Clock } from '../timer';

/** Offline, the box looks for the network at least this often: its interval may be from a long-gone answer. */
export const OFFLINE_RETRY_SECONDS = 10;
/** Each wait is the interval times a factor drawn from [1 - JITTER, 1 + JITTER). */
export const JITTER = 0.2;
/** Until the first page has loaded the feed, check back this often for the interval it sets. */
export const UNTIL_LOADED_SECONDS = 1;

/** What the poller reads and drives: the store. */
export interface PolledFeed {
  readonly manifest: object | null;
  readonly health: FeedHealth;
  /** Seconds between polls, as the publisher asks. */
  readonly pollSeconds: number;
  /** One poll; resolves to the logical paths that changed. */
  refresh(): Promise<string[]>;
}

export interface PollerOptions {
  clock: Clock;
  /** A number in [0, 1), as Math.random gives. */
  random?: () => number;
}

/** Seconds until the next poll of a feed that is loaded. */
export const pollDelaySeconds = (feed: Pick<PolledFeed, 'health' | 'pollSeconds'>, random: () => number): number => {
  const interval =
    feed.health.kind === 'offline' ? Math.min(feed.pollSeconds, OFFLINE_RETRY_SECONDS) : feed.pollSeconds;
  return interval * (1 - JITTER + random() * 2 * JITTER);
};

export class Poller {
  private readonly timer: Timer;
  private readonly random: () => number;

  constructor(
    private readonly feed: PolledFeed,
    /** After each poll of a loaded feed, with what changed (nothing when it failed). */
    private readonly polled: (changed: string[]) => Promise<void> | void,
    { clock, random = Math.random }: PollerOptions,
  ) {
    this.timer = new Timer(clock);
    this.random = random;
  }

  start(): void {
    this.schedule();
  }

  stop(): void {
    this.timer.stop();
  }

  private schedule(): void {
    // A feed that arrived meanwhile was just fetched: the first poll waits a whole interval.
    const loaded = !!this.feed.manifest;
    const seconds = loaded ? pollDelaySeconds(this.feed, this.random) : UNTIL_LOADED_SECONDS;
    this.timer.start(seconds * 1000, () => void (loaded ? this.poll() : this.schedule()));
  }

  private async poll(): Promise<void> {
    try {
      // Gone when the box changed village meanwhile: its page loads the new one.
      if (!this.feed.manifest) return;
      const changed = await this.feed.refresh().catch((error: unknown) => {
        // The store keeps the last good content and says why in its health.
        console.warn(error);
        return [] as string[];
      });
      await this.polled(changed);
    } finally {
      this.schedule();
    }
  }
}
