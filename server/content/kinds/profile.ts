/** The village profile: one document, pushed again whole when it changes. */
import type { Body, ServerKind } from './serverKind';

export const profile: ServerKind<'profile'> = {
  wholeDocument: true,
  label: (itemId) => itemId,
  facts: () => ({}),
  stamp: (itemId, body, now) => ({ ...body, id: itemId, publishedAt: now, version: 1 }),
  validate: () => [],
  store: ({ publishedAt: _p, version: _v, ...rest }: Body) => rest,
  assemble: (items, context) =>
    ({ ...context.feedItem(items[0]!), id: items[0]!.itemId }) as ReturnType<ServerKind<'profile'>['assemble']>,
  seedItems: (content) => [{ itemId: content.id, body: content, publishedAt: content.publishedAt }],
  spokenParts: () => null,
};
