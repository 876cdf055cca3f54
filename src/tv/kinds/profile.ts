/** The village profile: one document with key figures and photos, which the tile opens directly. */
import { documentBase, itemMedia, spokenAsRead } from './common';
import type { KindView } from './kindView';

const document: KindView<'profile'>['document'] = (channel, itemId) => {
  const p = channel.content;
  if (p.id !== itemId) return null;
  return {
    ...documentBase(channel.id, p.title, p.publishedAt, p),
    figures: p.figures,
    paragraphs: p.body,
    ...itemMedia(channel.id, p),
  };
};

export const profile: KindView<'profile'> = {
  // Unpublished, it opens the list page, which says there is nothing yet.
  target: (id, channel) => (channel ? `read/${id}/${channel.content.id}` : `list/${id}`),
  rows: () => [],
  notes: () => [],
  document,
  spoken: spokenAsRead(document),
};
