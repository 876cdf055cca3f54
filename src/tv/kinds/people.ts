/** The village cadres: a page of photo cards, each opened in the reader for the whole entry. */
import { t } from '../../i18n';
import type { PeopleModel } from '../data/models';
import { inScript } from '../data/script';
import { channelCrumbs, channelTitle, documentBase, spokenAsRead } from './common';
import type { ChannelOf, KindView } from './kindView';

const document: KindView<'people'>['document'] = (channel, itemId) => {
  const p = channel.content.find((x) => x.id === itemId);
  if (!p) return null;
  return {
    ...documentBase(channel.id, p.name, p.publishedAt, p),
    meta: [p.role],
    paragraphs: [t('people.phone', { phone: p.phone }), p.duties],
  };
};

export const people: KindView<'people'> = {
  target: (id) => `people/${id}`,
  // The tile opens the cards, not a list.
  rows: () => [],
  notes: () => [],
  document,
  spoken: spokenAsRead(document),
};

export const presentPeople = (published: ChannelOf<'people'>): PeopleModel => {
  const channel = inScript(published);
  return {
    crumbs: channelCrumbs(channel.id),
    title: channelTitle(channel.id),
    people: channel.content.map((p) => ({
      name: p.name,
      role: p.role,
      duties: p.duties,
      phone: t('people.phone', { phone: p.phone }),
      photo: p.photo.src,
      target: `read/${channel.id}/${p.id}`,
    })),
  };
};
