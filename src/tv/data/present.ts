/**
 * Feed → view models: money formatted, dates localised, states put into words, feed text in
 * the box's script (inScript: Traditional boxes convert what operators wrote in Simplified).
 * Home, the picker and what every kind shares; each kind's own rows and pages are in
 * ../kinds. Pure functions of the feed and "now", so they are unit-tested without a browser.
 */
import type { Channel, DistrictFeed } from '../../feed/schema';
import { channelsOf, channelSpec, FEED_LEVEL, SECTIONS } from '../../feed/taxonomy';
import { toEpoch } from '../../format/dates';
import { t } from '../../i18n';
import { channelCrumbs, channelTitle, date, sectionTitle } from '../kinds/common';
import { viewOf, viewOfChannel } from '../kinds';
import type { DocumentModel, GalleryModel, HomeModel, ListModel, PickerModel, TileModel } from './models';
import { inScript } from './script';
import type { BoxFeeds } from './store';
import { chooseVillageTarget } from '../routePaths';

/** Where OK on a home tile leads. */
export const channelTarget = (id: number, channel: Channel | undefined): string => viewOfChannel(id).target(id, channel);

export const isOverdue = (channel: Channel | undefined, now: number): boolean =>
  !!channel?.nextDueAt && toEpoch(channel.nextDueAt) < now;

/** A sub-channel no public feed carries (a household's own): shown locked, with no date. */
const isPrivate = (id: number): boolean => FEED_LEVEL[channelSpec(id).section] === null;

const tile = (id: number, channel: Channel | undefined, now: number, householdBound: boolean): TileModel => ({
  channel: id,
  title: channelTitle(id),
  updated: channel ? t('tile.updatedOn', { date: date(channel.updatedAt) }) : isPrivate(id) ? '' : t('tile.notPublished'),
  overdue: isOverdue(channel, now),
  // Until a clerk binds the box to a household, its household tiles lead to the pairing code.
  locked: isPrivate(id) && !householdBound,
  target: channelTarget(id, channel),
});

export const presentHome = (
  published: BoxFeeds,
  channelOf: (id: number) => Channel | undefined,
  now: number,
  householdBound = false,
): HomeModel => {
  const feeds = inScript(published);
  return {
    villageName: feeds.village.region.name,
    streetName: feeds.street.region.name,
    fictional: !!feeds.district.fictional,
    sections: SECTIONS.map((section) => ({
      id: section,
      title: sectionTitle(section),
      tiles: channelsOf(section).map((spec) => tile(spec.id, channelOf(spec.id), now, householdBound)),
    })),
  };
};

export const presentStreetPicker = (published: DistrictFeed): PickerModel => {
  const district = inScript(published);
  return {
    title: t('picker.title'),
    step: t('picker.street'),
    rows: district.streets.map((s) => ({ title: s.name, detail: t('picker.villageCount', { count: s.villages.length }), target: `pick/${s.code}` })),
  };
};

export const presentVillagePicker = (published: DistrictFeed, streetCode: string): PickerModel | null => {
  const district = inScript(published);
  const street = district.streets.find((s) => s.code === streetCode);
  if (!street) return null;
  return {
    title: t('picker.title'),
    step: `${street.name} · ${t('picker.village')}`,
    // The page's note says once that the box remembers; the rows carry only the names.
    rows: street.villages.map((v) => ({ title: v.name, target: chooseVillageTarget(v.code) })),
  };
};

export const presentList = (published: Channel, now: number, fresh: ReadonlySet<string> = new Set()): ListModel => {
  const channel = inScript(published);
  const view = viewOf(channel);
  return { crumbs: channelCrumbs(channel.id), title: channelTitle(channel.id), channel: channel.id, notes: view.notes(channel), rows: view.rows(channel, now, fresh), emptyText: t('state.empty') };
};

/** The reader's document for one item of a sub-channel, or null when it is gone. */
export const presentDocument = (published: Channel, itemId: string, now: number): DocumentModel | null => {
  const channel = inScript(published);
  return viewOf(channel).document(channel, itemId, now);
};

export const presentPhotos = (document: DocumentModel): GalleryModel => ({
  crumbs: [...document.crumbs, t('profile.photos')],
  title: document.title,
  photos: document.photos.map((p, i) => ({ src: p.src, width: p.width, height: p.height, caption: p.caption ?? `${i + 1}` })),
});
