/**
 * Every kind of sub-channel and how the service takes, checks, stores, publishes and reads
 * it aloud. A kind missing here is a compile error; a kind with no public items (a
 * household's own pages) is null, and nothing of it can be pushed.
 */
import type { ContentKind } from '../../../src/feed/taxonomy';
import { alerts } from './alerts';
import { articles } from './articles';
import { contacts } from './contacts';
import { faq } from './faq';
import { guide } from './guide';
import { ledger } from './ledger';
import { people } from './people';
import { profile } from './profile';
import { qa } from './qa';
import type { ItemKind, ServerKind } from './serverKind';
import { tables } from './tables';

export const SERVER_KINDS = {
  articles,
  faq,
  qa,
  alerts,
  guide,
  tables,
  contacts,
  people,
  profile,
  ledger,
  household: null,
} satisfies { [K in ContentKind]: K extends ItemKind ? ServerKind<K> : null };

/** The module of a kind with public items, or null. One cast: the entry is the kind's own. */
export const serverKind = (kind: ContentKind): ServerKind<ItemKind> | null =>
  SERVER_KINDS[kind] as ServerKind<ItemKind> | null;
