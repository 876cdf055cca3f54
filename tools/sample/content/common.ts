/** Small builders shared by the channel content of every level. */
import type { Article, Channel, ImageRef, Question, Table, VideoRef } from '../../../src/feed/schema';
import { channelSpec } from '../../../src/feed/taxonomy';
import { channelTimes } from '../cadence';
import { iso, wall, type Wall } from '../clock';

/** The sample's "now": files are generated as of this moment. */
export const NOW: Wall = wall(2026, 11, 20, 9, 0, 0);

export const NEWS_CLIP: VideoRef = { src: 'media/clips/district-news.mp4', durationSec: 8 };

export const item = (id: string, publishedAt: Wall) => ({ id, publishedAt: iso(publishedAt), version: 1 });

export const article = (
  id: string,
  publishedAt: Wall,
  title: string,
  body: string[],
  extra: { summary?: string; photos?: ImageRef[]; video?: VideoRef } = {},
): Article => ({ ...item(id, publishedAt), title, ...extra, body });

export interface Col {
  key: string;
  label: string;
  type: Table['columns'][number]['type'];
}

export const col = (key: string, label: string, type: Col['type'] = 'text'): Col => ({ key, label, type });

export const table = (
  id: string,
  publishedAt: Wall,
  title: string,
  columns: Col[],
  rows: Record<string, string | number>[],
  extra: Pick<Table, 'note' | 'posting' | 'attachments'> = {},
): Table => ({ ...item(id, publishedAt), title, ...extra, columns, rows });

export const question = (
  id: string,
  q: {
    title: string;
    question: string;
    askedBy?: string;
    askedAt: Wall;
    department?: string;
    answer?: string;
    answeredAt?: Wall;
    video?: VideoRef;
  },
): Question => ({
  ...item(id, q.answeredAt ?? q.askedAt),
  title: q.title,
  question: q.question,
  ...(q.askedBy ? { askedBy: q.askedBy } : {}),
  askedAt: iso(q.askedAt),
  ...(q.department ? { department: q.department } : {}),
  ...(q.answer ? { answer: q.answer } : {}),
  ...(q.answeredAt ? { answeredAt: iso(q.answeredAt) } : {}),
  ...(q.video ? { video: q.video } : {}),
});

/** A sub-channel updated at `updatedAt`, due again by its cadence. */
export const channel = <K extends Channel['kind']>(
  id: number,
  kind: K,
  updatedAt: Wall,
  content: Extract<Channel, { kind: K }>['content'],
): Channel => {
  if (channelSpec(id).kind !== kind) throw new Error(`sub-channel ${id} is not of kind ${kind}`);
  return { id, kind, ...channelTimes(id, updatedAt), content } as Channel;
};

/** 2026-10-12, for 'date' table cells. */
export const day = (t: Wall): string => iso(t).slice(0, 10);
