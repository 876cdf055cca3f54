/**
 * The feed's rules beyond its shape, in plain TypeScript so that the server's full
 * validation (validate.ts, TypeBox) and the box's own check (src/tv/data/feedCheck.ts) share them.
 */
import { CHANNELS } from './taxonomy';
import type { FeedProblem } from './problem';

interface PlacedChannel {
  id: number;
  kind: string;
}

/** Each sub-channel must sit in the file of its own section, with the kind the taxonomy gives it. */
export const channelPlacement = (level: 'district' | 'street' | 'village') => (feed: { channels: PlacedChannel[] }) =>
  feed.channels.flatMap((channel, index): FeedProblem[] => {
    const spec = CHANNELS.find((c) => c.id === channel.id);
    const path = `/channels/${index}`;
    if (!spec || spec.section !== level)
      return [{ path: `${path}/id`, message: `sub-channel ${channel.id} does not belong in a ${level} feed` }];
    if (spec.kind !== channel.kind)
      return [{ path: `${path}/kind`, message: `sub-channel ${channel.id} must be of kind ${spec.kind}` }];
    return [];
  });

interface MonthSums {
  openingFen: number;
  incomeFen: number;
  expenseFen: number;
  closingFen: number;
  vouchers: { direction: string; amountFen: number }[];
}

/** A month's vouchers must add up to its totals, and opening + income - spending = closing. */
export const ledgerSums = (month: MonthSums): FeedProblem[] => {
  const problems: FeedProblem[] = [];
  const sum = (direction: 'income' | 'expense') =>
    month.vouchers.filter((v) => v.direction === direction).reduce((total, v) => total + v.amountFen, 0);
  if (sum('income') !== month.incomeFen)
    problems.push({
      path: '/incomeFen',
      message: `income vouchers add up to ${sum('income')} fen, not ${month.incomeFen}`,
    });
  if (sum('expense') !== month.expenseFen)
    problems.push({
      path: '/expenseFen',
      message: `spending vouchers add up to ${sum('expense')} fen, not ${month.expenseFen}`,
    });
  if (month.openingFen + month.incomeFen - month.expenseFen !== month.closingFen) {
    problems.push({ path: '/closingFen', message: 'opening + income - spending does not equal closing balance' });
  }
  return problems;
};
