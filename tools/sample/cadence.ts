/**
 * When a sub-channel was last updated and when its next update falls due, by the
 * cadence the rules set (taxonomy.ts): monthly finance by the 10th of the next month,
 * general items every quarter, the rest as needed (no due date).
 */
import { channelSpec } from '../../src/feed/taxonomy';
import { addMonths, iso, nextMonth, wall, monthOf, type Wall } from './clock';

export interface ChannelTimes {
  updatedAt: string;
  nextDueAt?: string;
}

export const channelTimes = (id: number, updatedAt: Wall): ChannelTimes => {
  const { cadence } = channelSpec(id);
  if (cadence === 'asNeeded') return { updatedAt: iso(updatedAt) };
  if (cadence === 'monthly') {
    const due = nextMonth(monthOf(updatedAt));
    return { updatedAt: iso(updatedAt), nextDueAt: iso(wall(due.year, due.month, 10, 23, 59, 59)) };
  }
  return { updatedAt: iso(updatedAt), nextDueAt: iso(addMonths(updatedAt, 3)) };
};
