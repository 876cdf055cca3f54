/**
 * 建言献策 on the box: the topics the village keeps (a signed `POST /box/suggestions/topics`),
 * a suggestion sent through the box's outbox (kept in storage until the service has it, so one
 * made offline is sent once when back), and the screen's view model: the topics, each saying
 * whether this household's suggestion on it waits (待发送) or was sent.
 */
import { t } from '../../i18n';
import { looksLikeTopics } from '../../household/suggestions';
import type { ListModel } from '../data/models';
import { inScript } from '../data/script';
import { postSigned } from '../household/boxRequest';
import type { BoxIdentity } from '../household/identity';
import type { Outbox, OutboxEntry, Outcome } from '../household/outbox';
import { channelCrumbs } from '../kinds/common';
import { COLOR } from '../theme';

export const SUGGESTION_PATH = '/box/suggestions';
export const SUGGESTION_KIND = 'suggestion';
const HOUSEHOLD_MESSAGES = 25;

/** The village's topics; null when the service cannot be asked or will not say. */
export const readTopics = async (identity: BoxIdentity, serviceUrl: string, now: number): Promise<string[] | null> => {
  try {
    const answer = await postSigned(identity, serviceUrl, '/box/suggestions/topics', {}, now);
    const topics = (answer.body as { topics?: unknown } | null)?.topics;
    return answer.status === 200 && looksLikeTopics(topics) ? topics : null;
  } catch {
    return null;
  }
};

/** Queues the suggestion (kept in box storage at once) and tries to send it. */
export const sendSuggestion = (outbox: Outbox, topic: string): Promise<Outcome[]> => {
  outbox.add(SUGGESTION_KIND, SUGGESTION_PATH, { topic }, topic);
  return outbox.flush();
};

/** What the household did on each topic while this screen was open, and what still waits. */
export interface SuggestionState {
  pending: readonly OutboxEntry[];
  /** Topics the service took during this visit. */
  sent: ReadonlySet<string>;
  /** Why the service refused the last one (the daily limit, say), if it did. */
  refusal: string | null;
}

export const presentSuggestions = (topics: string[] | null, state: SuggestionState): ListModel => {
  const waiting = new Set(
    state.pending.filter((e) => e.kind === SUGGESTION_KIND).map((e) => String(e.body.topic ?? '')),
  );
  return {
    crumbs: [...channelCrumbs(HOUSEHOLD_MESSAGES), t('suggest.title')],
    title: t('suggest.title'),
    notes: [
      state.refusal
        ? { text: state.refusal, color: COLOR.warning }
        : { text: t(topics ? 'suggest.intro' : 'suggest.offline') },
    ],
    rows: (topics ?? []).map((topic) => ({
      title: inScript(topic),
      detail: waiting.has(topic) ? t('suggest.pending') : state.sent.has(topic) ? t('suggest.sent') : t('suggest.pick'),
      ...(waiting.has(topic)
        ? { tag: t('suggest.pendingTag'), tagColor: COLOR.warning }
        : state.sent.has(topic)
          ? { tag: t('suggest.sentTag'), tagColor: COLOR.income }
          : {}),
    })),
    emptyText: t('suggest.offline'),
  };
};
