/**
 * Times of the sample, all in China's zone. A time is kept as the epoch milliseconds of
 * its wall-clock digits read as UTC, so formatting never depends on the machine's zone.
 */
export type Wall = number;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export const wall = (year: number, month: number, day: number, hour = 0, minute = 0, second = 0): Wall =>
  Date.UTC(year, month - 1, day, hour, minute, second);

/** 2026-11-20T09:00:00+08:00 */
export const iso = (t: Wall): string => {
  const d = new Date(t);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}+08:00`;
};

export const parseIso = (text: string): Wall => {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\+08:00$/.exec(text);
  if (!m) throw new RangeError(`not a +08:00 time: ${text}`);
  return wall(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
};

const DAY = 86_400_000;
export const addDays = (t: Wall, days: number): Wall => t + days * DAY;
export const addHours = (t: Wall, hours: number): Wall => t + hours * 3_600_000;

export const parts = (t: Wall) => {
  const d = new Date(t);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: d.getUTCDay() };
};

/** Same day of the month `months` later, clamped to the month's end. */
export const addMonths = (t: Wall, months: number): Wall => {
  const d = new Date(t);
  const target = new Date(
    Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()),
  );
  const last = daysInMonth(target.getUTCFullYear(), target.getUTCMonth() + 1);
  target.setUTCDate(Math.min(d.getUTCDate(), last));
  return target.getTime();
};

export const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** A YYYY-MM month. */
export interface YearMonth {
  year: number;
  month: number;
}

export const monthKey = ({ year, month }: YearMonth): string => `${year}-${pad(month)}`;
export const nextMonth = ({ year, month }: YearMonth): YearMonth =>
  month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
export const monthOf = (t: Wall): YearMonth => {
  const { year, month } = parts(t);
  return { year, month };
};

/** `count` consecutive months starting at `first`. */
export const monthRange = (first: YearMonth, count: number): YearMonth[] => {
  const out: YearMonth[] = [];
  let m = first;
  for (let i = 0; i < count; i++) {
    out.push(m);
    m = nextMonth(m);
  }
  return out;
};

/** 2026年10月12日 */
export const zhDate = (t: Wall): string => {
  const { year, month, day } = parts(t);
  return `${year}年${month}月${day}日`;
};
