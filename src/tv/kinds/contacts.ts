/** Whom to call: a phone book of offices, each entry opened whole. */
import { t } from '../../i18n';
import { COLOR } from '../theme';
import { documentBase, readerKind } from './common';

export const contacts = readerKind<'contacts'>(
  // OK opens the whole entry: a long role or address cut here is there in full.
  (channel) =>
    channel.content.map((c) => ({
      title: `${c.name}  ${c.role}`,
      detail: c.address ? `${c.org} · ${c.address}` : c.org,
      tag: c.phone,
      tagColor: COLOR.text,
      target: `read/${channel.id}/${c.id}`,
    })),
  (channel, itemId) => {
    const c = channel.content.find((x) => x.id === itemId);
    if (!c) return null;
    const paragraphs = [t('people.phone', { phone: c.phone }), c.org];
    if (c.address) paragraphs.push(c.address);
    return { ...documentBase(channel.id, c.name, c.publishedAt, c), meta: [c.role], paragraphs };
  },
);
