/** The shape most kinds share: a list of items, each pushed, corrected and withdrawn on its own. */
import type { ChannelOfKind } from '../../../src/feed/schema';
import type { Body, ItemKind, ServerKind } from './serverKind';

/** The kinds whose channel content is a plain list of items. */
type ListKind = { [K in ItemKind]: ChannelOfKind<K>['content'] extends unknown[] ? K : never }[ItemKind];

const newestFirst = (a: Body, b: Body) =>
  String(b.publishedAt).localeCompare(String(a.publishedAt)) || String(a.id).localeCompare(String(b.id));

export const itemList = <K extends ListKind>(
  own: Partial<Pick<ServerKind<K>, 'validate' | 'spokenParts'>> = {},
): ServerKind<K> => ({
  wholeDocument: false,
  label: (itemId) => itemId,
  facts: () => ({}),
  stamp: (itemId, body, now) => ({ ...body, id: itemId, publishedAt: now, version: 1 }),
  validate: own.validate ?? (() => []),
  // Time and version are the publish's to stamp.
  store: ({ publishedAt: _p, version: _v, ...rest }) => rest,
  assemble: (items, context) => items.map(context.feedItem).sort(newestFirst) as ReturnType<ServerKind<K>['assemble']>,
  seedItems: (content) =>
    (content as { id: string; publishedAt: string }[]).map((item) => ({
      itemId: item.id,
      body: item,
      publishedAt: item.publishedAt,
    })),
  spokenParts: own.spokenParts ?? (() => null),
});
