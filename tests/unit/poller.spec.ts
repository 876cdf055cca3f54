/**
 * The poller's timing, on a fake clock: counted in polls, never in seconds waited. Boxes
 * spread their polls over ±20% of the interval the publisher sets, look for the network at
 * least every 10 s while offline, and wait for the first page's load before their first poll.
 */
import { test, expect } from '@playwright/test';
import type { FeedHealth } from '../../src/tv/data/store';
import { Poller, type PolledFeed } from '../../src/tv/sync/poller';
import type { Clock } from '../../src/tv/timer';

/** Timers that fire only when the test moves time on; each firing's promises settle before the next. */
class FakeClock implements Clock {
  now = 0;
  private nextId = 1;
  private readonly timers = new Map<number, { at: number; callback: () => void }>();

  setTimeout(callback: () => void, ms: number): number {
    const id = this.nextId++;
    this.timers.set(id, { at: this.now + ms, callback });
    return id;
  }

  clearTimeout(id: unknown): void {
    this.timers.delete(id as number);
  }

  get pending(): number {
    return this.timers.size;
  }

  async advance(ms: number): Promise<void> {
    const end = this.now + ms;
    for (;;) {
      const due = [...this.timers].filter(([, timer]) => timer.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.now = due[1].at;
      due[1].callback();
      // The poll is async: let it refresh, report and schedule the next before time moves on.
      await new Promise((resolve) => setImmediate(resolve));
    }
    this.now = end;
  }
}

/** A feed whose refreshes are counted, with the clock's time of each. */
class CountedFeed implements PolledFeed {
  manifest: object | null = {};
  health: FeedHealth = { kind: 'ok' };
  pollSeconds = 60;
  readonly polledAt: number[] = [];
  onRefresh: () => void = () => undefined;

  constructor(private readonly clock: FakeClock) {}

  refresh(): Promise<string[]> {
    this.polledAt.push(this.clock.now);
    this.onRefresh();
    return Promise.resolve([]);
  }
}

const setUp = (random: () => number = Math.random) => {
  const clock = new FakeClock();
  const feed = new CountedFeed(clock);
  const reports: string[][] = [];
  const poller = new Poller(feed, (changed) => void reports.push(changed), { clock, random });
  return { clock, feed, reports, poller };
};

const SECOND = 1000;

test('the jitter spans 0.8 to 1.2 times the interval: the earliest box polls at 48 s of 60, the latest just before 72 s', async () => {
  const earliest = setUp(() => 0);
  earliest.poller.start();
  await earliest.clock.advance(48 * SECOND - 1);
  expect(earliest.feed.polledAt).toHaveLength(0);
  await earliest.clock.advance(1);
  expect(earliest.feed.polledAt).toHaveLength(1);

  const latest = setUp(() => 0.999_999);
  latest.poller.start();
  await latest.clock.advance(72 * SECOND - 100);
  expect(latest.feed.polledAt).toHaveLength(0);
  await latest.clock.advance(100);
  expect(latest.feed.polledAt).toHaveLength(1);
});

test('over a day, polls come between 48 and 72 s apart, spread rather than in step', async () => {
  const { clock, feed, reports, poller } = setUp();
  poller.start();
  await clock.advance(24 * 3600 * SECOND);
  // 86,400 s at 48-72 s apart: between 1,200 and 1,800 polls, each one reported.
  expect(feed.polledAt.length).toBeGreaterThanOrEqual(1200);
  expect(feed.polledAt.length).toBeLessThanOrEqual(1800);
  expect(reports).toHaveLength(feed.polledAt.length);
  const gaps = feed.polledAt.slice(1).map((at, i) => at - feed.polledAt[i]!);
  expect(Math.min(...gaps)).toBeGreaterThanOrEqual(48 * SECOND);
  expect(Math.max(...gaps)).toBeLessThan(72 * SECOND);
  // Boxes that booted together drift apart: the gaps are not one fixed value.
  expect(new Set(gaps.map((gap) => Math.round(gap / SECOND))).size).toBeGreaterThan(20);
});

test('offline, the box looks for the network every 8-12 s whatever the interval, and spaces out again once it is back', async () => {
  const { clock, feed, poller } = setUp();
  feed.pollSeconds = 600;
  feed.health = { kind: 'offline', since: 0 };
  poller.start();
  // The first poll after boot follows the last answer's interval, then the retries come quickly.
  await clock.advance(720 * SECOND);
  const first = feed.polledAt.length;
  expect(first).toBeGreaterThanOrEqual(1);
  await clock.advance(600 * SECOND);
  expect(feed.polledAt.length - first).toBeGreaterThanOrEqual(50);
  expect(feed.polledAt.length - first).toBeLessThanOrEqual(75);

  // The network comes back at the next poll: the one after waits the publisher's 480-720 s again.
  feed.onRefresh = () => (feed.health = { kind: 'ok' });
  const before = feed.polledAt.length;
  await clock.advance(12 * SECOND);
  expect(feed.polledAt.length).toBe(before + 1);
  await clock.advance(479 * SECOND);
  expect(feed.polledAt.length).toBe(before + 1);
  await clock.advance(241 * SECOND);
  expect(feed.polledAt.length).toBe(before + 2);
});

test('an interval shorter than the offline retry is kept while offline', async () => {
  const { clock, feed, poller } = setUp(() => 0.5);
  feed.pollSeconds = 5;
  feed.health = { kind: 'offline', since: 0 };
  poller.start();
  await clock.advance(60 * SECOND);
  expect(feed.polledAt).toHaveLength(12);
});

test('until the first page has loaded the feed there is no poll; the first waits a whole interval after it', async () => {
  const { clock, feed, poller } = setUp(() => 0);
  feed.manifest = null;
  poller.start();
  await clock.advance(30 * SECOND + 500);
  expect(feed.polledAt).toHaveLength(0);
  // Still checking back (once a second), for the interval the loaded feed sets.
  expect(clock.pending).toBe(1);
  feed.manifest = {};
  feed.pollSeconds = 100;
  // The check at 31 s sees the feed: the first poll comes 80 s (0.8 × 100) after it.
  await clock.advance(500 + 80 * SECOND - 1);
  expect(feed.polledAt).toHaveLength(0);
  await clock.advance(1);
  expect(feed.polledAt).toEqual([111 * SECOND]);
});

test('a failed refresh is reported as no change and the polls go on', async () => {
  const { clock, feed, reports, poller } = setUp(() => 0.5);
  const warned: unknown[] = [];
  const warn = console.warn;
  console.warn = (error: unknown) => void warned.push(error);
  try {
    feed.refresh = () => {
      feed.polledAt.push(clock.now);
      return Promise.reject(new Error('unreachable: manifest.json'));
    };
    poller.start();
    await clock.advance(180 * SECOND);
  } finally {
    console.warn = warn;
  }
  expect(feed.polledAt).toHaveLength(3);
  expect(reports).toEqual([[], [], []]);
  expect(warned).toHaveLength(3);
});

test('a stopped poller polls no more', async () => {
  const { clock, feed, poller } = setUp(() => 0.5);
  poller.start();
  await clock.advance(120 * SECOND);
  expect(feed.polledAt).toHaveLength(2);
  poller.stop();
  await clock.advance(24 * 3600 * SECOND);
  expect(feed.polledAt).toHaveLength(2);
  expect(clock.pending).toBe(0);
});
