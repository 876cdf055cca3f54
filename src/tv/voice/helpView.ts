/**
 * The help screen's view model: how to bind (an unbound box), the kinds to pick from, or the
 * household's requests with their status (已发送 → 已收到 → 处理中 → 已完成). Each row says what
 * OK does on it.
 */
import { HELP_KINDS, type HelpKind, type HelpStatus } from '../../household/help';
import { chinaTime } from '../../format/dates';
import { t, type MessageKey } from '../../i18n';
import type { ListModel, RowModel } from '../data/models';
import { dateTime } from '../kinds/common';
import { COLOR } from '../theme';
import type { HelpDesk } from './helpDesk';

export type HelpMode = 'unbound' | 'pick' | 'status';
export type HelpAction = { to: 'confirm'; kind: HelpKind } | { to: 'pick' } | { to: 'retry' } | { to: 'row' };

export interface HelpScreen extends ListModel {
  mode: HelpMode;
  /** What OK does on each row (a row's own target, if it has one, is opened). */
  actions: HelpAction[];
  hint: string;
}

export const helpKindName = (kind: HelpKind): string => t(`help.kind.${kind}` as MessageKey);
export const helpStatusName = (status: HelpStatus): string => t(`help.status.${status}` as MessageKey);

/** Where the household's channels lead an unbound box: its pairing code. */
const PAIRING_TARGET = 'household/25';

const STATUS_COLOR: Record<HelpStatus, number> = {
  sent: COLOR.warning,
  acknowledged: COLOR.focus,
  in_progress: COLOR.focus,
  done: COLOR.textSecondary,
};

const screen = (
  mode: HelpMode,
  notes: ListModel['notes'],
  rows: [RowModel, HelpAction][],
  hint: MessageKey,
): HelpScreen => ({
  crumbs: [t('help.title')],
  title: t('help.title'),
  notes,
  rows: rows.map(([row]) => row),
  actions: rows.map(([, action]) => action),
  emptyText: '',
  mode,
  hint: t(hint),
});

const statusNotes = (desk: HelpDesk): ListModel['notes'] => {
  const problem = desk.problem;
  if (desk.sending) return [{ text: t('help.explain.sending') }];
  if (problem?.kind === 'offline') return [{ text: t('help.offline'), color: COLOR.warning }];
  if (problem?.kind === 'tooMany') return [{ text: t('help.tooMany'), color: COLOR.warning }];
  if (problem?.kind === 'refused')
    return [{ text: t('help.refused', { reason: problem.reason }), color: COLOR.warning }];
  const latest = desk.requests[0];
  return latest ? [{ text: t(`help.explain.${latest.status}` as MessageKey) }] : [];
};

export const presentHelp = (mode: HelpMode, desk: HelpDesk): HelpScreen => {
  if (mode === 'unbound')
    return screen(
      mode,
      [{ text: t('help.unbound.notes'), color: COLOR.warning }],
      [[{ title: t('help.unbound.how'), detail: t('help.unbound.howDetail'), target: PAIRING_TARGET }, { to: 'row' }]],
      'hint.helpStatus',
    );
  if (mode === 'pick')
    return screen(
      mode,
      [{ text: t('help.pick.notes') }],
      HELP_KINDS.map((kind) => [
        { title: helpKindName(kind), detail: t(`help.kind.${kind}.detail` as MessageKey) },
        { to: 'confirm', kind },
      ]),
      'hint.help',
    );
  // Still on the box (待发送): OK tries now; the box also sends them by itself once it can.
  const waiting: [RowModel, HelpAction][] = desk.waiting.map((w) => [
    {
      title: helpKindName(w.kind),
      detail: `${t('help.queuedAt', { time: dateTime(chinaTime(w.queuedAt)) })} · ${t('help.retry.detail')}`,
      tag: t('help.status.pending'),
      tagColor: COLOR.warning,
    },
    { to: 'retry' },
  ]);
  const requests: [RowModel, HelpAction][] = desk.requests.map((r) => [
    {
      title: helpKindName(r.kind),
      detail: t('help.sentAt', { time: dateTime(r.createdAt) }),
      tag: helpStatusName(r.status),
      tagColor: STATUS_COLOR[r.status],
    },
    { to: 'row' },
  ]);
  return screen(
    mode,
    statusNotes(desk),
    [...waiting, ...requests, [{ title: t('help.again'), detail: t('help.again.detail') }, { to: 'pick' }]],
    'hint.helpStatus',
  );
};
