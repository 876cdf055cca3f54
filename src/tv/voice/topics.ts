/**
 * What a villager can ask about, from what the box shows: a voucher of a ledger month, an item
 * of a list sub-channel (an article, a notice, a Q&A), or one row of a table. Each gives the
 * question's subject (the ids and the version the service checks) and a line saying what it is.
 */
import type { Channel, LedgerMonthFeed } from '../../feed/schema';
import { channelSpec, LEDGER_CHANNEL } from '../../feed/taxonomy';
import { formatMonth } from '../../format/dates';
import { formatFen } from '../../format/money';
import type { QuestionSubject } from '../../household/questions';
import { t } from '../../i18n';
import type { BoxFeeds } from '../data/store';
import { inScript } from '../data/script';
import { channelCrumbs, style } from '../kinds/common';

export interface AskTopic {
  subject: QuestionSubject;
  /** What is asked about, in a line: 2026年11月 凭证 记-0042 电费 ¥330.30. */
  about: string;
  crumbs: string[];
}

/** The region whose feed carries a sub-channel, as the box reads it. */
const regionOf = (feeds: BoxFeeds, channel: number): string | null => {
  const section = channelSpec(channel).section;
  if (section === 'district') return feeds.district.region.code;
  if (section === 'street') return feeds.street.region.code;
  if (section === 'village') return feeds.village.region.code;
  return null;
};

export const voucherTopic = (village: string, published: LedgerMonthFeed, voucherId: string): AskTopic | null => {
  const month = inScript(published);
  const v = month.vouchers.find((x) => x.id === voucherId);
  if (!v) return null;
  const number = t('voucher.title', { number: v.number });
  return {
    subject: { region: village, channel: LEDGER_CHANNEL, item: month.month, voucher: v.number, version: v.version },
    about: `${formatMonth(month.month, style())} ${number} ${v.summary} ${formatFen(v.amountFen)}`,
    crumbs: [...channelCrumbs(LEDGER_CHANNEL), formatMonth(month.month, style()), number],
  };
};

interface Listed {
  id: string;
  version: number;
  title?: string;
  name?: string;
}

/** The items of a list sub-channel (not a ledger, a profile or FAQ groups, which are asked about otherwise or not at all). */
const listed = (channel: Channel): Listed[] =>
  channel.kind === 'ledger' || channel.kind === 'profile' || channel.kind === 'faq'
    ? []
    : (channel.content as Listed[]);

export const itemTopic = (feeds: BoxFeeds, published: Channel, itemId: string): AskTopic | null => {
  const channel = inScript(published);
  const region = regionOf(feeds, channel.id);
  const item = listed(channel).find((x) => x.id === itemId);
  if (!region || !item) return null;
  const title = item.title ?? item.name ?? item.id;
  return {
    subject: { region, channel: channel.id, item: item.id, version: item.version },
    about: title,
    crumbs: [...channelCrumbs(channel.id), title],
  };
};

export const rowTopic = (feeds: BoxFeeds, published: Channel, index: number, row: number): AskTopic | null => {
  const channel = inScript(published);
  const region = regionOf(feeds, channel.id);
  const table = channel.kind === 'tables' ? channel.content[index] : undefined;
  if (!region || !table || row < 0 || row >= table.rows.length) return null;
  return {
    subject: { region, channel: channel.id, item: table.id, row, version: table.version },
    about: `${table.title} · ${t('ask.row', { row: row + 1 })}`,
    crumbs: [...channelCrumbs(channel.id), table.title],
  };
};
