/**
 * The service's main thread must never wait inside SQLite: its busy_timeout blocks the event
 * loop, and while the publishing thread holds the write lock (seconds, for a district-wide
 * publish) every box's poll would wait with it. So the main thread's connection gives up at
 * once (MAIN_THREAD_BUSY_TIMEOUT_MS) and a write that found the database busy is tried again
 * later, asynchronously, with backoff; after WRITE_PATIENCE_MS the error stands (a 503 with
 * Retry-After, routes/errorHandler.ts).
 */
export const MAIN_THREAD_BUSY_TIMEOUT_MS = 0;
const WRITE_PATIENCE_MS = 5_000;
const FIRST_WAIT_MS = 10;
const LONGEST_WAIT_MS = 250;

export const isBusy = (error: unknown): boolean => {
  const code = error && typeof error === 'object' && 'code' in error ? String(error.code) : '';
  return /^SQLITE_(BUSY|LOCKED)(_|$)/.test(code);
};

/**
 * Runs `work` (whole transactions only: a retry runs it again from the start) until the database
 * lets it; `onBusy` hears of the first time it did not.
 */
export const whenNotBusy = async <T>(work: () => T | Promise<T>, onBusy?: () => void): Promise<T> => {
  const deadline = Date.now() + WRITE_PATIENCE_MS;
  for (let wait = FIRST_WAIT_MS; ; wait = Math.min(wait * 2, LONGEST_WAIT_MS)) {
    try {
      return await work();
    } catch (error) {
      if (!isBusy(error) || Date.now() + wait > deadline) throw error;
      if (wait === FIRST_WAIT_MS) onBusy?.();
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
};
