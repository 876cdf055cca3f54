/**
 * Failed sign-ins, counted per client address and per token prefix over a sliding minute: past
 * the limit, requests from that address or with that prefix are refused (429) before any token
 * is looked up. @fastify/rate-limit counts every request; what needs a bound here is the failed
 * ones, which an operator working normally never makes.
 */
export const FAILED_SIGN_IN_LIMIT = 30;
const WINDOW_MS = 60_000;
/** Keys remembered at most: an attacker with many addresses cannot grow the map without bound. */
const MAX_KEYS = 10_000;

export class FailedSignIns {
  private readonly failures = new Map<string, number[]>();

  /** Seconds until these keys may try again; 0 if they may now. */
  retryAfter(keys: string[], now = Date.now()): number {
    let wait = 0;
    for (const key of keys) {
      const times = this.recent(key, now);
      if (times.length >= FAILED_SIGN_IN_LIMIT) wait = Math.max(wait, Math.ceil((times[0]! + WINDOW_MS - now) / 1000));
    }
    return wait;
  }

  record(keys: string[], now = Date.now()): void {
    for (const key of keys) {
      const times = this.recent(key, now);
      times.push(now);
      this.failures.delete(key);
      this.failures.set(key, times);
    }
    // The least recently failing keys go first (a Map keeps insertion order).
    while (this.failures.size > MAX_KEYS) this.failures.delete(this.failures.keys().next().value!);
  }

  private recent(key: string, now: number): number[] {
    const times = (this.failures.get(key) ?? []).filter((t) => t > now - WINDOW_MS);
    if (times.length) this.failures.set(key, times);
    else this.failures.delete(key);
    return times;
  }
}

/** What a failed sign-in is counted under: the client's address and the token's first characters. */
export const signInKeys = (address: string, token: string | undefined): string[] => [
  `address ${address}`,
  ...(token ? [`token ${token.slice(0, 8)}`] : []),
];
