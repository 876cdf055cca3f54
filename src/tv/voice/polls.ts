/**
 * 民意调查 on the box: the village's polls as the service last told this household (a signed
 * `POST /box/polls`), a vote sent through the box's outbox (kept in storage until the service
 * has it, so an offline vote is sent once when back), and the screens' view models: the list of
 * polls, one poll's options with the household's choice, and once closed its counts as bars.
 */
import { t } from '../../i18n';
import type { ListModel, RowModel } from '../data/models';
import { inScript } from '../data/script';
import { postSigned } from '../household/boxRequest';
import type { BoxIdentity } from '../household/identity';
import type { Outbox, OutboxEntry, Outcome } from '../household/outbox';
import { channelCrumbs, dateTime } from '../kinds/common';
import { COLOR } from '../theme';

export const VOTE_PATH = '/box/polls/vote';
export const VOTE_KIND = 'vote';
const HOUSEHOLD_MESSAGES = 25;

export type PollState = 'upcoming' | 'open' | 'closed';

/** A poll as the service lists it to a bound box (server/household/polls.ts householdPolls). */
export interface BoxPoll {
  id: number;
  question: string;
  options: string[];
  opensAt: string;
  closesAt: string;
  state: PollState;
  turnout: number;
  /** Votes per option, once closed. */
  results: number[] | null;
  /** The household's vote (an option's index), as the service holds it. */
  choice: number | null;
}

const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((v) => typeof v === 'string');

const looksLikePoll = (value: unknown): value is BoxPoll => {
  if (typeof value !== 'object' || value === null) return false;
  const p = value as Record<string, unknown>;
  return (
    typeof p.id === 'number' &&
    typeof p.question === 'string' &&
    isStringArray(p.options) &&
    typeof p.opensAt === 'string' &&
    typeof p.closesAt === 'string' &&
    (p.state === 'upcoming' || p.state === 'open' || p.state === 'closed') &&
    typeof p.turnout === 'number' &&
    (p.results === null || (Array.isArray(p.results) && p.results.every((n) => typeof n === 'number'))) &&
    (p.choice === null || typeof p.choice === 'number')
  );
};

/** The household's polls; null when the service cannot be asked or will not say. */
export const readPolls = async (identity: BoxIdentity, serviceUrl: string, now: number): Promise<BoxPoll[] | null> => {
  try {
    const answer = await postSigned(identity, serviceUrl, '/box/polls', {}, now);
    const polls = (answer.body as { polls?: unknown } | null)?.polls;
    return answer.status === 200 && Array.isArray(polls) ? polls.filter(looksLikePoll) : null;
  } catch {
    return null;
  }
};

/** Queues the household's vote (kept in box storage at once) and tries to send it. */
export const castVote = (outbox: Outbox, poll: BoxPoll, choice: number): Promise<Outcome[]> => {
  outbox.add(VOTE_KIND, VOTE_PATH, { poll: poll.id, choice }, poll.options[choice]);
  return outbox.flush();
};

/** The choice still waiting on the box for this poll (the last one queued), if any. */
export const pendingChoice = (pending: readonly OutboxEntry[], poll: number): number | null => {
  const votes = pending.filter((e) => e.kind === VOTE_KIND && e.body.poll === poll);
  const last = votes[votes.length - 1];
  return last && typeof last.body.choice === 'number' ? last.body.choice : null;
};

const stateWord = (state: PollState) =>
  t(state === 'open' ? 'poll.state.open' : state === 'upcoming' ? 'poll.state.upcoming' : 'poll.state.closed');

const stateColor = (state: PollState) =>
  state === 'open' ? COLOR.focus : state === 'upcoming' ? COLOR.warning : COLOR.textSecondary;

const when = (poll: BoxPoll): string =>
  poll.state === 'upcoming'
    ? t('poll.opensAt', { time: dateTime(poll.opensAt) })
    : poll.state === 'open'
      ? t('poll.closesAt', { time: dateTime(poll.closesAt) })
      : t('poll.closedAt', { time: dateTime(poll.closesAt), count: poll.turnout });

const crumbs = () => [...channelCrumbs(HOUSEHOLD_MESSAGES), t('poll.title')];

/** The village's polls: open ones first, each with its state and the household's vote. */
export const presentPolls = (polls: BoxPoll[] | null, pending: readonly OutboxEntry[]): ListModel => {
  const order: Record<PollState, number> = { open: 0, upcoming: 1, closed: 2 };
  const sorted = (polls ?? []).map((p) => inScript(p)).sort((a, b) => order[a.state] - order[b.state] || b.id - a.id);
  return {
    crumbs: crumbs(),
    title: t('poll.title'),
    notes: [polls ? { text: t('poll.notes') } : { text: t('poll.offline'), color: COLOR.warning }],
    rows: sorted.map((poll) => {
      const mine = pendingChoice(pending, poll.id) ?? poll.choice;
      // A closed poll's line has its turnout; its results page shows the household's choice.
      const voted =
        mine === null || poll.state === 'closed'
          ? ''
          : ` · ${t('poll.yourChoice', { option: poll.options[mine] ?? '' })}`;
      return {
        title: poll.question,
        detail: `${when(poll)}${voted}`,
        tag: stateWord(poll.state),
        tagColor: stateColor(poll.state),
        target: `poll/${poll.id}`,
      };
    }),
    emptyText: polls ? t('poll.none') : t('poll.offline'),
  };
};

/** What OK does on a row of one poll. */
export type PollAction = { to: 'pick'; choice: number } | { to: 'confirm' } | { to: 'none' };

export interface PollScreen {
  crumbs: string[];
  title: string;
  notes: ListModel['notes'];
  rows: RowModel[];
  actions: PollAction[];
  hint: string;
}

const percent = (votes: number, total: number) => (total ? Math.round((votes / total) * 100) : 0);

/**
 * One poll: while open, its options (the household's vote marked, the one picked but not yet
 * confirmed marked too) and 确认投票; once closed, each option's count and share as a bar.
 */
export const presentPoll = (raw: BoxPoll, picked: number | null, pending: readonly OutboxEntry[]): PollScreen => {
  const poll = inScript(raw);
  const waiting = pendingChoice(pending, poll.id);
  const mine = waiting ?? poll.choice;
  const base = { crumbs: [...crumbs(), poll.question], title: poll.question };
  if (poll.state === 'closed') {
    const results = poll.results ?? poll.options.map(() => 0);
    const total = results.reduce((sum, n) => sum + n, 0);
    const most = Math.max(1, ...results);
    return {
      ...base,
      notes: [{ text: `${stateWord(poll.state)} · ${when(poll)}` }],
      rows: poll.options.map((option, i) => ({
        title: i === mine ? `${option} · ${t('poll.mine')}` : option,
        tag: t('poll.votes', { count: results[i] ?? 0, percent: percent(results[i] ?? 0, total) }),
        tagColor: COLOR.text,
        bar: (results[i] ?? 0) / most,
      })),
      actions: poll.options.map(() => ({ to: 'none' })),
      hint: t('hint.back'),
    };
  }
  if (poll.state === 'upcoming')
    return {
      ...base,
      notes: [{ text: `${stateWord(poll.state)} · ${when(poll)}`, color: COLOR.warning }],
      rows: poll.options.map((option) => ({ title: option })),
      actions: poll.options.map(() => ({ to: 'none' })),
      hint: t('hint.back'),
    };
  const note =
    waiting !== null ? t('poll.queued') : mine !== null ? t('poll.canChange') : `${t('poll.pick')} · ${when(poll)}`;
  const options: RowModel[] = poll.options.map((option, i) => ({
    title: option,
    ...(i === picked && picked !== mine
      ? { tag: t('poll.picked'), tagColor: COLOR.focus }
      : i === mine
        ? {
            tag: t(waiting !== null ? 'poll.pending' : 'poll.mine'),
            tagColor: waiting !== null ? COLOR.warning : COLOR.income,
          }
        : {}),
  }));
  const ready = picked !== null && picked !== mine;
  return {
    ...base,
    notes: [{ text: note, color: waiting !== null ? COLOR.warning : COLOR.textSecondary }],
    rows: [
      ...options,
      {
        title: t(mine === null ? 'poll.confirm' : 'poll.change'),
        detail: ready ? t('poll.confirm.detail', { option: poll.options[picked] ?? '' }) : t('poll.pickFirst'),
      },
    ],
    actions: [...poll.options.map((_, choice) => ({ to: 'pick' as const, choice })), { to: 'confirm' }],
    hint: t('hint.poll'),
  };
};

/** The polls as the service last told this box, asked again each time a poll screen opens. */
export class PollBoard {
  polls: BoxPoll[] | null = null;

  constructor(private readonly context: () => { identity: BoxIdentity | null; serviceUrl: string; now: number }) {}

  /** Asks the service; keeps what it last said when it cannot be reached. */
  async refresh(): Promise<BoxPoll[] | null> {
    const { identity, serviceUrl, now } = this.context();
    const polls = identity ? await readPolls(identity, serviceUrl, now) : null;
    if (polls) this.polls = polls;
    return this.polls;
  }

  find(id: number): BoxPoll | undefined {
    return this.polls?.find((p) => p.id === id);
  }
}
