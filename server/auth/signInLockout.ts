/**
 * Lockout of a sign-in name after repeated wrong passwords: 5 in a row lock it for 15 minutes,
 * even for the right password, so that guessing one operator's password from many addresses
 * gets nowhere (the per-address limit, failedSignIns.ts, stops one address trying many names).
 * Counted for unknown names too, so a lockout says nothing about which names exist. Kept in
 * memory: a restart forgets it, and the district admin's password reset lifts it.
 */
export const LOCKOUT_FAILURES = 5;
export const LOCKOUT_MS = 15 * 60_000;
const MAX_NAMES = 10_000;

export class SignInLockout {
  private readonly failures = new Map<string, { count: number; lastMs: number }>();

  /** Seconds this name stays locked; 0 if it may try. */
  lockedFor(username: string, now = Date.now()): number {
    const entry = this.current(username.toLowerCase(), now);
    return entry && entry.count >= LOCKOUT_FAILURES ? Math.ceil((entry.lastMs + LOCKOUT_MS - now) / 1000) : 0;
  }

  /** Counts a wrong password; says whether this one locked the name. */
  fail(username: string, now = Date.now()): boolean {
    const key = username.toLowerCase();
    const count = (this.current(key, now)?.count ?? 0) + 1;
    this.failures.delete(key);
    this.failures.set(key, { count, lastMs: now });
    while (this.failures.size > MAX_NAMES) this.failures.delete(this.failures.keys().next().value!);
    return count === LOCKOUT_FAILURES;
  }

  clear(username: string): void {
    this.failures.delete(username.toLowerCase());
  }

  private current(key: string, now: number) {
    const entry = this.failures.get(key);
    if (entry && entry.lastMs + LOCKOUT_MS <= now) {
      this.failures.delete(key);
      return undefined;
    }
    return entry;
  }
}
