/**
 * A household's own pages: never in a public feed. No box is bound to a household yet (binding
 * is done at the village office, not built here), so the tile opens a page saying how to bind.
 */
import { t } from '../../i18n';
import type { MessageModel } from '../data/models';
import { channelCrumbs, channelTitle } from './common';
import type { KindView } from './kindView';

export const household: KindView<'household'> = {
  target: (id) => `household/${id}`,
  rows: () => [],
  notes: () => [],
  document: () => null,
  spoken: () => null,
};

export const presentUnboundHousehold = (id: number): MessageModel => ({
  crumbs: channelCrumbs(id),
  title: `${channelTitle(id)} · ${t('household.unbound.title')}`,
  body: t('household.unbound.body'),
});
