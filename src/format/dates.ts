/**
 * Feed times carry +08:00. Boxes may run with any clock zone, so dates are shown from
 * the time's own digits (China has one zone and no daylight saving), never via the
 * box's local zone.
 */
const parts = (iso: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(iso);
  if (!m) throw new RangeError(`not an ISO date: ${iso}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: m[4] ?? '00', minute: m[5] ?? '00' };
};

export type DateStyle = 'zh' | 'en';

/** 2026年10月3日 / 2026-10-03 */
export const formatDate = (iso: string, style: DateStyle = 'zh'): string => {
  const { year, month, day } = parts(iso);
  return style === 'zh'
    ? `${year}年${month}月${day}日`
    : `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
};

export const formatDateTime = (iso: string, style: DateStyle = 'zh'): string => {
  const { hour, minute } = parts(iso);
  return `${formatDate(iso, style)} ${hour}:${minute}`;
};

/** 2026年10月 / 2026-10, from a YYYY-MM month. */
export const formatMonth = (month: string, style: DateStyle = 'zh'): string => {
  const { year, month: m } = parts(`${month}-01`);
  return style === 'zh' ? `${year}年${m}月` : month;
};

/** Milliseconds since the epoch of a feed time. */
export const toEpoch = (iso: string): number => {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) throw new RangeError(`not an ISO time: ${iso}`);
  return time;
};

const DAY_MS = 86_400_000;

/** Whole days from `now` until `iso` (negative when past). */
export const daysUntil = (iso: string, now: number): number => Math.ceil((toEpoch(iso) - now) / DAY_MS);

const CHINA_OFFSET_MS = 8 * 3_600_000;

/** A moment as the feed writes times: ISO 8601 in China's zone, 2026-11-20T09:00:00+08:00. The one place that converts. */
export const chinaTime = (epochMs: number): string =>
  `${new Date(epochMs + CHINA_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;

/** A date in China's zone as YYYY-MM-DD plus weekday index, for the home screen's clock. */
export const chinaDate = (now: number): { iso: string; weekday: number } => ({
  iso: chinaTime(now).slice(0, 10),
  weekday: new Date(now + CHINA_OFFSET_MS).getUTCDay(),
});
