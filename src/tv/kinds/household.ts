/**
 * A household's own pages (21–25), never in a public feed: opened from the files sealed to this
 * box (household/household.ts) once a clerk has bound it, and until then the pairing code.
 * Subsidies and the dividend ledger show as tables; the household's record, applications and
 * messages as lists.
 */
import { formatFen } from '../../format/money';
import { t } from '../../i18n';
import type { HouseholdPage, HouseholdPageOf } from '../../household/pages';
import type { HouseholdState } from '../household/household';
import type { ListModel, PairingModel, RowModel, TableModel } from '../data/models';
import { inScript } from '../data/script';
import { COLOR } from '../theme';
import { channelCrumbs, channelTitle, date, dateTime } from './common';
import type { KindView } from './kindView';
import type { OutboxEntry } from '../household/outbox';
import { questionRows } from '../voice/questions';
import { columnWidths } from './tables';

export const household: KindView<'household'> = {
  target: (id) => `household/${id}`,
  rows: () => [],
  notes: () => [],
  document: () => null,
  spoken: () => null,
};

/** Sub-channels shown as a table; the others as a list. */
const TABLE_CHANNELS = [21, 22];

/** Where a household sub-channel opens, as the box stands. */
export const householdTarget = (id: number, state: HouseholdState): string =>
  state.kind !== 'bound' ? `pair/${id}` : TABLE_CHANNELS.includes(id) ? `mine/table/${id}` : `mine/list/${id}`;

/** The pairing screen, or what the box says instead when it cannot be paired. */
export const presentPairing = (
  id: number,
  state: HouseholdState,
  boxId: string | null,
  deviceId: string | null,
): PairingModel => {
  const crumbs = channelCrumbs(id);
  const identity = [
    boxId ? t('household.pair.boxId', { id: boxId }) : '',
    deviceId ? t('household.pair.deviceId', { id: deviceId }) : '',
  ]
    .filter(Boolean)
    .join('    ');
  const base = { crumbs, codeLabel: '', code: '', identity, status: '' };
  if (state.kind === 'revoked')
    return { ...base, title: t('household.revoked.title'), body: t('household.revoked.body') };
  if (state.kind === 'unsupported')
    return { ...base, title: t('household.unbound.title'), body: t('household.unsupported.body') };
  if (state.kind === 'expired')
    return {
      ...base,
      title: t('household.expired.title'),
      body: t('household.expired.body', { date: date(state.until) }),
    };
  const pairing = state.kind === 'pairing' ? state : null;
  const code = pairing?.code ?? '';
  return {
    ...base,
    title: `${channelTitle(id)} · ${t('household.unbound.title')}`,
    codeLabel: t('household.pair.codeLabel'),
    code: code ? `${code.slice(0, 3)} ${code.slice(3)}` : '',
    status: pairing?.offline
      ? t('household.pair.offline')
      : code && pairing?.expiresAt
        ? t('household.pair.expires', { time: dateTime(pairing.expiresAt) })
        : t('household.pair.waiting'),
    body: t('household.pair.how'),
  };
};

const yuan = (fen: number) => formatFen(fen);
const updated = (page: HouseholdPage) => t('household.updated', { date: date(page.updatedAt) });

const table = (
  id: number,
  notes: TableModel['notes'],
  labels: string[],
  right: number[],
  rows: string[][],
): TableModel => {
  const widths = columnWidths([labels, ...rows]);
  return {
    crumbs: channelCrumbs(id),
    title: channelTitle(id),
    notes,
    columns: labels.map((label, i) => ({ label, align: right.includes(i) ? 'right' : 'left', width: widths[i] ?? 0 })),
    rows,
  };
};

const subsidies = (page: HouseholdPageOf<21>): TableModel => {
  const payments = page.content.payments;
  const total = payments.reduce((sum, p) => sum + p.amountFen, 0);
  return table(
    21,
    [{ text: t('household.paidTotal', { count: payments.length, total: yuan(total), updated: updated(page) }) }],
    ['date', 'kind', 'amount', 'office', 'account'].map((c) => t(`household.col.${c}` as 'household.col.date')),
    [2],
    payments.map((p) => [
      date(p.date),
      p.kind,
      yuan(p.amountFen),
      p.office,
      t('household.accountTail', { tail: p.accountTail }),
    ]),
  );
};

const dividends = (page: HouseholdPageOf<22>): TableModel => {
  const lines = page.content.lines;
  const sum = (direction: 'income' | 'levy') =>
    yuan(lines.filter((l) => l.direction === direction).reduce((s, l) => s + l.amountFen, 0));
  return table(
    22,
    [{ text: t('household.ledgerTotal', { income: sum('income'), levy: sum('levy'), updated: updated(page) }) }],
    ['date', 'summary', 'direction', 'amount'].map((c) => t(`household.col.${c}` as 'household.col.date')),
    [3],
    lines.map((l) => [
      date(l.date),
      l.summary,
      t(l.direction === 'income' ? 'household.income' : 'household.levy'),
      yuan(l.amountFen),
    ]),
  );
};

const list = (id: number, notes: ListModel['notes'], rows: RowModel[], emptyText: string): ListModel => ({
  crumbs: channelCrumbs(id),
  title: channelTitle(id),
  channel: id,
  notes,
  rows,
  emptyText,
});

const record = (page: HouseholdPageOf<23>): ListModel => {
  const { members, parcels, points } = page.content;
  const area = Math.round(parcels.reduce((s, p) => s + p.areaMu, 0) * 10) / 10;
  const summary = t('household.members', { count: members.length, parcels: parcels.length, area });
  return list(
    23,
    [{ text: points === undefined ? summary : `${summary} · ${t('household.points', { points })}` }],
    [
      ...members.map((m) => ({ title: m.name, detail: t('household.member', { relation: m.relation, born: m.born }) })),
      ...parcels.map((p) => ({ title: p.name, detail: t('household.parcel', { area: p.areaMu, use: p.use }) })),
    ],
    t('state.empty'),
  );
};

const applications = (page: HouseholdPageOf<24>): ListModel =>
  list(
    24,
    [{ text: updated(page) }],
    page.content.applications.flatMap((a) => [
      { title: a.title, tag: a.status, tagColor: COLOR.focus },
      ...a.steps.map((s) => ({
        title: `　${s.step}`,
        detail: date(s.date),
        tag: t(s.done ? 'household.step.done' : 'household.step.pending'),
        tagColor: s.done ? COLOR.textSecondary : COLOR.warning,
      })),
    ]),
    t('household.noApplications'),
  );

/** The household's questions (those still on the box first), then its messages. */
const messages = (page: HouseholdPageOf<25>, pending: readonly OutboxEntry[]): ListModel =>
  list(
    25,
    [],
    [
      // 一键求助 opens from here too (and from any screen by the blue key / B).
      { title: t('household.helpEntry'), detail: t('household.helpEntry.detail'), target: 'help' },
      // 民意调查: the village's polls, asked of the service when opened.
      { title: t('household.pollsEntry'), detail: t('household.pollsEntry.detail'), target: 'polls' },
      { title: t('household.suggestEntry'), detail: t('household.suggestEntry.detail'), target: 'suggest' },
      ...questionRows(page.content.questions, pending),
      ...page.content.messages.map((m) => ({ title: m.title, detail: `${dateTime(m.at)} · ${m.body}` })),
    ],
    t('household.noMessages'),
  );

export const presentHouseholdTable = (published: HouseholdPage | undefined): TableModel | null => {
  const page = published && inScript(published);
  if (page?.channel === 21) return subsidies(page);
  if (page?.channel === 22) return dividends(page);
  return null;
};

/** `pending`: what the box still holds to send (shown in 25 as 待发送). */
export const presentHouseholdList = (
  published: HouseholdPage | undefined,
  pending: readonly OutboxEntry[] = [],
): ListModel | null => {
  const page = published && inScript(published);
  if (page?.channel === 23) return record(page);
  if (page?.channel === 24) return applications(page);
  if (page?.channel === 25) return messages(page, pending);
  return null;
};
