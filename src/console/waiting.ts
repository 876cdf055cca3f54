/** What waits for the signed-in operator, as the API lists it; its count goes into the tab's title. */
import { api, type Operator, type Revision } from './api';
import { publishes, reviews } from './context';
import { isOpenQuestion, type HelpRequest, type Question } from './voice/types';

export interface Waiting {
  drafts: Revision[];
  /** Drafts this operator may review: not their own (nobody approves their own draft). */
  toReview: Revision[];
  approved: Revision[];
  /** This operator's drafts that were sent back and not yet submitted again. */
  rejected: Revision[];
  /** Villagers' questions this operator sees, answered or not (their reply clocks). */
  questions: Question[];
}

const sameItem = (a: Revision, b: Revision) =>
  a.region === b.region && a.channel === b.channel && a.item_id === b.item_id;

export const loadWaiting = async (operator: Operator): Promise<Waiting> => {
  const list = (status: string) => api<Revision[]>('GET', `/drafts?status=${status}`);
  const [drafts, approved, sentBack, questions] = await Promise.all([
    list('draft'),
    list('approved'),
    list('rejected'),
    api<Question[]>('GET', '/questions'),
  ]);
  const mine = sentBack.filter((r) => r.created_by === operator.id);
  // A draft sent back stays so in the history; once its item has a newer revision, it no longer waits.
  const later = [...drafts, ...approved, ...(mine.length ? await list('published') : [])];
  const rejected = mine.filter((r) => !later.some((o) => sameItem(o, r) && o.id > r.id));
  const toReview = reviews(operator.role)
    ? drafts.filter((d) => d.created_by !== operator.id || operator.role === 'admin')
    : [];
  return { drafts, toReview, approved, rejected, questions };
};

/**
 * How many things need this operator to act: drafts to review, changes to publish, their drafts
 * sent back, questions not yet answered (but by the committee, which does not answer them), and help requests not yet acknowledged.
 */
export const waitingCount = (operator: Operator, waiting: Waiting, help: HelpRequest[] | null): number =>
  waiting.toReview.length +
  (publishes(operator.role) ? waiting.approved.length : 0) +
  waiting.rejected.length +
  // The committee sees the village's questions; its clerk answers them.
  (operator.role === 'committee' ? 0 : waiting.questions.filter(isOpenQuestion).length) +
  (help ?? []).filter((h) => h.status === 'sent').length;
