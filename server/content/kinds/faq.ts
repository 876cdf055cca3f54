/** Policy questions in groups: a group (named by its title) is pushed again whole; each question keeps its own time. */
import type { FaqGroup } from '../../../src/feed/schema';
import type { Body, ServerKind } from './serverKind';

export const faq: ServerKind<'faq'> = {
  wholeDocument: true,
  label: (itemId) => itemId,
  facts: () => ({}),
  stamp: (itemId, body, now) => {
    const items = Array.isArray(body.items)
      ? body.items.map((q: Body) => ({ publishedAt: now, version: 1, ...q }))
      : body.items;
    return { ...body, title: itemId, items };
  },
  validate: () => [],
  store: (checked) => checked,
  assemble: (items) => items.map((item) => JSON.parse(item.revision.body ?? '{}') as FaqGroup),
  seedItems: (content, updatedAt) =>
    content.map((group) => ({
      itemId: group.title,
      body: group,
      publishedAt: group.items[0]?.publishedAt ?? updatedAt,
    })),
  spokenParts: () => null,
};
