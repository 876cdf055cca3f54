/**
 * Where the console's TV preview opens: the TV app at /console/preview/tv/ (the same bundle boxes
 * run, with settings that trust only the preview key), on the draft's preview feed, in a village
 * that shows the draft, on the page of the item itself.
 */
import type { Region } from '../api';
import { CHANNELS } from '../../feed/taxonomy';

export interface PreviewedDraft {
  id: number;
  region: string;
  channel: number;
  item_id: string;
  action: string;
}

/** The TV app's route that shows the item (routes.ts), or its sub-channel's list. */
export const tvTarget = (draft: PreviewedDraft): string => {
  const list = `list/${draft.channel}`;
  if (draft.action === 'withdraw') return list;
  switch (CHANNELS.find((c) => c.id === draft.channel)?.kind) {
    case 'articles':
    case 'alerts':
    case 'contacts':
    case 'guide':
    case 'qa':
    case 'people':
      return `read/${draft.channel}/${draft.item_id}`;
    case 'ledger':
      return /^[0-9]{4}-[0-9]{2}$/.test(draft.item_id) ? `month/${draft.item_id}` : list;
    default:
      return list;
  }
};

/** A village whose boxes show the region's content: itself, else the first village under it. */
export const villageShowing = (regions: Map<string, Region>, code: string): string | null => {
  const region = regions.get(code);
  if (region?.level === 'village') return code;
  const villages = [...regions.values()]
    .filter((r) => r.level === 'village')
    .sort((a, b) => a.code.localeCompare(b.code));
  const street = region?.level === 'street' ? code : null;
  return (street ? villages.find((v) => v.parent === street) : villages[0])?.code ?? null;
};

export const previewUrl = (draft: PreviewedDraft, village: string, inspector: boolean): string => {
  const query = new URLSearchParams({ feed: `/console/preview/feed/${draft.id}/`, village });
  // The TV app's inspector mirrors its screen into the page, for tests that read it (tests/e2e/tv.ts).
  if (inspector) query.set('inspector', '1');
  return `/console/preview/tv/?${query.toString()}#${tvTarget(draft)}`;
};
