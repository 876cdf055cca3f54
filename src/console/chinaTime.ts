/** Times as the service takes them: China time with its offset (+08:00), whatever the PC's zone. */
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** A datetime-local input's value ("2026-12-01T08:00"), read as China time. */
export const fromLocalInput = (value: string): string => `${value.length === 16 ? `${value}:00` : value}+08:00`;

/** Now plus `minutes`, as a datetime-local value in China time (the picker's earliest choice). */
export const localInputIn = (minutes: number, now = Date.now()): string =>
  new Date(now + CHINA_OFFSET_MS + minutes * 60_000).toISOString().slice(0, 16);

/** "2026-12-01T08:00:00+08:00" → "2026-12-01 08:00". */
export const shortTime = (iso: string): string => iso.replace('T', ' ').slice(0, 16);
