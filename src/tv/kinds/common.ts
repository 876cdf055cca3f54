/**
 * What every kind's view shares: dates in the box's language, crumbs and titles, the words
 * for corrections and for what is new, and the reader's page and read-aloud built alike.
 */
import type { Channel } from '../../feed/schema';
import { channelSpec, type SectionId } from '../../feed/taxonomy';
import { formatDate, formatDateTime, type DateStyle } from '../../format/dates';
import { language, t, type MessageKey } from '../../i18n';
import type { DocumentModel, ListModel, RowModel } from '../data/models';
import type { Utterance } from '../speech/speaker';
import { COLOR } from '../theme';
import type { KindView } from './kindView';

export const style = (): DateStyle => (language() === 'en' ? 'en' : 'zh');
export const date = (iso: string) => formatDate(iso, style());
export const dateTime = (iso: string) => formatDateTime(iso, style());

export const channelTitle = (id: number): string => t(`channel.${id}` as MessageKey);
export const sectionTitle = (id: SectionId): string => t(`section.${id}` as MessageKey);
export const channelCrumbs = (id: number): string[] => [sectionTitle(channelSpec(id).section), channelTitle(id)];

type Correctable = { correction?: { correctedAt: string; note: string } | undefined; correctedBy?: string | undefined };

/** What the reader says of a correction: what this item corrects, or that it was corrected. */
export const corrected = (item: Correctable): string | undefined => {
  if (item.correctedBy) return t('reader.superseded');
  return item.correction
    ? t('reader.correction', { date: date(item.correction.correctedAt), note: item.correction.note })
    : undefined;
};

export const correctedTag = (item: Correctable): Pick<RowModel, 'tag' | 'tagColor'> => {
  if (item.correctedBy) return { tag: t('state.superseded'), tagColor: COLOR.warning };
  return item.correction ? { tag: t('state.corrected'), tagColor: COLOR.corrected } : {};
};

/** A row's status word when it has none of its own: 新 for what the last update brought. */
export const withFresh =
  (fresh: ReadonlySet<string>) =>
  (itemId: string, row: RowModel): RowModel =>
    row.tag || !fresh.has(itemId) ? row : { ...row, tag: t('state.fresh'), tagColor: COLOR.focus };

export const documentBase = (channelId: number, title: string, publishedAt: string, item: Correctable) => ({
  crumbs: [...channelCrumbs(channelId), title],
  title,
  meta: [t('reader.publishedAt', { date: date(publishedAt) })],
  correction: corrected(item),
  figures: [] as DocumentModel['figures'],
  photos: [] as DocumentModel['photos'],
});

type WithMedia = {
  id: string;
  video?: DocumentModel['video'];
  photos?: DocumentModel['photos'];
  audio?: DocumentModel['audio'];
};

/** An item's video, photos and recording, and where OK on the reader takes them. */
export const itemMedia = (channelId: number, item: WithMedia) => ({
  video: item.video,
  audio: item.audio,
  videoTarget: item.video ? `video/${channelId}/${item.id}` : undefined,
  photos: item.photos ?? [],
  photosTarget: item.photos?.length ? `photos/${channelId}/${item.id}` : undefined,
});

/** The read key on the reader: the whole item, from its recording when it has one. */
export const readAloud = (d: DocumentModel): Utterance => {
  const figures = d.figures.map((f) => `${f.label} ${f.value}`);
  return {
    text: [d.title, d.alert?.label ?? '', ...d.meta, d.correction ?? '', ...figures, ...d.paragraphs]
      .filter(Boolean)
      .join('。'),
    clip: d.audio,
  };
};

/** What the read key says of an item: its document, as the reader page reads it. */
export const spokenAsRead =
  <K extends Channel['kind']>(document: KindView<K>['document']): KindView<K>['spoken'] =>
  (channel, itemId, now) => {
    const d = document(channel, itemId, now);
    return d ? readAloud(d) : null;
  };

/** The parts most kinds share: a list of items, each opened in the reader, said as the reader reads it. */
export const readerKind = <K extends Channel['kind']>(
  rows: KindView<K>['rows'],
  document: KindView<K>['document'],
): KindView<K> => ({
  target: (id) => `list/${id}`,
  rows,
  notes: (): ListModel['notes'] => [],
  document,
  spoken: spokenAsRead(document),
});
