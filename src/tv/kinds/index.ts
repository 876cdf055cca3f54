/**
 * Every kind of sub-channel and how the box shows it. A kind missing here is a compile
 * error: adding one to the taxonomy asks for its module.
 */
import type { Channel } from '../../feed/schema';
import { channelSpec, type ContentKind } from '../../feed/taxonomy';
import { alerts } from './alerts';
import { articles } from './articles';
import { contacts } from './contacts';
import { faq } from './faq';
import { guide } from './guide';
import { household } from './household';
import type { KindView } from './kindView';
import { ledger } from './ledger';
import { people } from './people';
import { profile } from './profile';
import { qa } from './qa';
import { tables } from './tables';

export const KIND_VIEWS = {
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
  household,
} satisfies { [K in ContentKind]: KindView<K> };

/**
 * The view of a published channel's kind. TypeScript cannot tie a union's member to the
 * matching entry of a table, so the one cast is here: the entry is the channel's own kind's.
 */
export const viewOf = (channel: Channel): KindView<Channel['kind']> =>
  KIND_VIEWS[channel.kind] as KindView<Channel['kind']>;

/** The view of a sub-channel by its number, whether or not it has published anything. */
export const viewOfChannel = (id: number): KindView<ContentKind> =>
  KIND_VIEWS[channelSpec(id).kind] as KindView<ContentKind>;
