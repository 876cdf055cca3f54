/** When a sub-channel is next due, from its cadence and its last update (times in +08:00). */
import type { Cadence } from '../../src/feed/taxonomy';

export const nextDue = (cadence: Cadence, updatedAt: string): string | undefined => {
  const year = Number(updatedAt.slice(0, 4));
  const month = Number(updatedAt.slice(5, 7));
  const at = (y: number, m: number, day: string) => {
    const yy = y + Math.floor((m - 1) / 12);
    const mm = ((m - 1) % 12) + 1;
    return `${yy}-${String(mm).padStart(2, '0')}-${day}T00:00:00+08:00`;
  };
  // Monthly finances are due by the 10th of the next month; quarterly items three months on.
  if (cadence === 'monthly') return at(year, month + 1, '10');
  if (cadence === 'quarterly')
    return at(year, month + 3, updatedAt.slice(8, 10) > '28' ? '28' : updatedAt.slice(8, 10));
  return undefined;
};
