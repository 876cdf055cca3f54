/**
 * What a villager's question is about, read from the published feed: the item (and for a ledger
 * month its voucher, for a table its row) must be published where this box's village reads, at a
 * version it has had. The service words the subject itself, so a box sends ids, never text.
 */
import type { LedgerMonthBody } from '../../src/feed/schema';
import { channelSpec, isChannel, LEDGER_CHANNEL } from '../../src/feed/taxonomy';
import { formatMonth } from '../../src/format/dates';
import { formatFen } from '../../src/format/money';
import type { QuestionSubject } from '../../src/household/questions';
import { OperatorError } from '../content/operatorError';
import { publishedBody } from '../content/repository';
import type { Db } from '../db/database';

/** The regions a village's box reads: the village, its street and the district. */
const regionsReadBy = (db: Db, village: string): string[] => {
  const parent = db.prepare('SELECT parent FROM regions WHERE code = ?').pluck();
  const street = parent.get(village) as string | null;
  const district = street ? (parent.get(street) as string | null) : null;
  return [village, street, district].filter((r): r is string => !!r);
};

const notFound = (subject: QuestionSubject) =>
  new OperatorError(
    404,
    `没有可提问的已发布内容：${subject.region} 第 ${subject.channel} 栏目「${subject.item}」${subject.voucher ?? ''}`,
    `Nothing published to ask about: ${subject.region} sub-channel ${subject.channel} item ${subject.item} ${subject.voucher ?? ''}`,
  );

const laterVersion = () =>
  new OperatorError(
    422,
    '「version」比已发布的版本还新：请刷新后再提问',
    'subject.version is newer than the published one: refresh and ask again',
  );

type Loose = Record<string, unknown>;

/** The subject in a line, as the household's 25 and the operators' list show it. */
export const describeSubject = (db: Db, village: string, subject: QuestionSubject): string => {
  if (!isChannel(subject.channel) || channelSpec(subject.channel).kind === 'household') throw notFound(subject);
  if (!regionsReadBy(db, village).includes(subject.region))
    throw new OperatorError(
      403,
      '只能对本村机顶盒所见的内容提问',
      "A box asks only about what its village's feed shows",
    );
  const body = publishedBody(db, { region: subject.region, channel: subject.channel, itemId: subject.item });
  if (!body) throw notFound(subject);
  if (subject.channel === LEDGER_CHANNEL) {
    const month = JSON.parse(body) as LedgerMonthBody;
    const voucher = month.vouchers.find((v) => v.number === subject.voucher);
    if (!voucher) throw notFound(subject);
    if (subject.version > voucher.version) throw laterVersion();
    return `${formatMonth(month.month)} 凭证 ${voucher.number} ${voucher.summary} ${formatFen(voucher.amountFen)}`.slice(
      0,
      120,
    );
  }
  const item = JSON.parse(body) as Loose;
  if (typeof item.version === 'number' && subject.version > item.version) throw laterVersion();
  const name = String(item.title ?? item.name ?? subject.item);
  if (subject.row === undefined) return name.slice(0, 120);
  const rows = Array.isArray(item.rows) ? item.rows : [];
  if (subject.row >= rows.length) throw notFound(subject);
  return `${name.slice(0, 100)} 第 ${subject.row + 1} 行`;
};
