/**
 * A home-screen tile: the sub-channel's icon, number and name, when it was updated, an overdue
 * mark in words, and on a household tile of an unbound box a lock with the word 未绑定. Home
 * gives each tile the size that fills its section's area, and the tile lays itself out for it:
 * - tall (one row of five): a large icon above the words;
 * - compact (two rows of five): the icon at the top right, beside the number and overdue mark;
 * - wide (large-text mode, two columns): the icon at the left, two lines of words beside it.
 */
import { Lightning } from '@lightningjs/sdk';
import type { TileModel } from '../data/models';
import { t } from '../../i18n';
import { COLOR, currentLook, lineOf, SAFE, TYPE } from '../theme';
import { focusLook, frame } from './focus';
import { icon } from './icon';
import { channelIconFile, LOCK_ICON_FILE } from './icons';
import { text } from './text';

export const TILE_GAP = 24;
const PAD = 24;
const TOP = 12;
const ACCENT = 9;

const wide = () => currentLook().largeText;
/** Tiles per row: five, or two wide ones in large-text mode. */
export const tileColumns = (): number => (wide() ? 2 : 5);
export const tileWidth = (): number => Math.floor((SAFE.w - (tileColumns() - 1) * TILE_GAP) / tileColumns());

const overdueHeight = () => lineOf(TYPE.tiny) + 6;
const COMPACT_ICON = 84;
const TALL_ICON = 168;
/** A multiple of 3 no larger than `length`, so it survives 720p. */
const by3 = (length: number) => Math.floor(length / 3) * 3;

/** The smallest tile that holds its words: home stretches tiles from this to fill the area. */
export const minTileHeight = (): number =>
  wide()
    ? TOP + lineOf(TYPE.tile) + lineOf(TYPE.tiny) + TOP
    : TOP + lineOf(TYPE.small) + overdueHeight() + 6 + 2 * lineOf(TYPE.tile) + lineOf(TYPE.tiny) + TOP;

/** Tiles this tall (one row of five) show their icon large, above the words. */
const TALL_FROM = 420;

interface Spot {
  x: number;
  y: number;
}

interface Layout {
  icon: Spot & { size: number };
  number: Spot & { size: number };
  title: Spot & { width: number; maxLines: number };
  /** The update date, or the lock and its word, on one line. */
  status: Spot & { width: number };
  overdue: Spot & { w: number; right?: boolean };
}

const layoutFor = (w: number, h: number): Layout => {
  const inner = w - 2 * PAD;
  const badgeW = (room: number) => Math.min(room, by3(TYPE.tiny * 5 + PAD));
  if (wide()) {
    // A little under the two lines' height, so that long names (English) keep room on one line.
    const size = by3(Math.min(h - 2 * TOP, lineOf(TYPE.tile) + lineOf(TYPE.tiny) - 12));
    const x = PAD + size + 18;
    const textW = w - x - PAD;
    const numberW = Math.round(TYPE.tile * 1.4);
    const y = Math.round((h - lineOf(TYPE.tile) - lineOf(TYPE.tiny)) / 2);
    const second = y + lineOf(TYPE.tile);
    return {
      icon: { x: PAD, y: Math.round((h - size) / 2), size },
      number: { x, y, size: TYPE.tile },
      title: { x: x + numberW, y, width: textW - numberW, maxLines: 1 },
      status: { x, y: second, width: textW - badgeW(textW / 2) - PAD },
      overdue: { x: w - PAD, y: second - 3, w: badgeW(textW / 2), right: true },
    };
  }
  if (h >= TALL_FROM) {
    // The words from the bottom up; the icon centred in what is left above them.
    const words = overdueHeight() + 6 + 2 * lineOf(TYPE.tile) + lineOf(TYPE.tiny);
    const top = h - TOP - 6 - words;
    const size = Math.min(TALL_ICON, by3(inner), by3(top - ACCENT - 2 * TOP));
    const title = top + overdueHeight() + 6;
    return {
      icon: { x: Math.round((w - size) / 2), y: Math.round((ACCENT + top - size) / 2), size },
      number: { x: PAD, y: top, size: TYPE.small },
      title: { x: PAD, y: title, width: inner, maxLines: 2 },
      status: { x: PAD, y: title + 2 * lineOf(TYPE.tile), width: inner },
      overdue: { x: w - PAD, y: top, w: badgeW(inner - 2 * TYPE.small), right: true },
    };
  }
  const title = TOP + lineOf(TYPE.small) + overdueHeight() + 6;
  return {
    icon: { x: w - PAD - COMPACT_ICON, y: TOP + 6, size: COMPACT_ICON },
    number: { x: PAD, y: TOP, size: TYPE.small },
    title: { x: PAD, y: title, width: inner, maxLines: 2 },
    status: { x: PAD, y: title + 2 * lineOf(TYPE.tile), width: inner },
    overdue: { x: PAD, y: TOP + lineOf(TYPE.small), w: badgeW(inner - COMPACT_ICON - 12) },
  };
};

export interface TileSpec {
  model: TileModel;
  w: number;
  h: number;
  accent: number;
}

export class Tile extends Lightning.Component {
  static override _template() {
    return { rect: true, color: COLOR.panel };
  }

  set spec({ model, w, h, accent }: TileSpec) {
    const l = layoutFor(w, h);
    const lockSize = by3(lineOf(TYPE.tiny) - 6);
    this.patch({
      w,
      h,
      Accent: { rect: true, w, h: ACCENT, color: accent },
      ...frame(w, h),
      Icon: { x: l.icon.x, y: l.icon.y, ...icon(channelIconFile(model.channel), l.icon.size, COLOR.text) },
      Number: {
        x: l.number.x,
        y: l.number.y,
        ...text(String(model.channel).padStart(2, '0'), { size: l.number.size, color: COLOR.textSecondary }),
      },
      Title: {
        x: l.title.x,
        y: l.title.y,
        ...text(model.title, { size: TYPE.tile, width: l.title.width, maxLines: l.title.maxLines, bold: true }),
      },
      Updated: {
        x: l.status.x,
        y: l.status.y,
        visible: !model.locked,
        ...text(model.updated, { size: TYPE.tiny, color: COLOR.textSecondary, width: l.status.width, maxLines: 1 }),
      },
      // Locked in words and by a lock, never by colour alone.
      Lock: {
        x: l.status.x,
        y: l.status.y,
        visible: model.locked,
        Icon: { y: 3, ...icon(LOCK_ICON_FILE, lockSize, COLOR.text) },
        Label: { x: lockSize + 9, ...text(t('tile.locked'), { size: TYPE.tiny, color: COLOR.text }) },
      },
      Overdue: {
        x: l.overdue.x,
        y: l.overdue.y,
        mountX: l.overdue.right ? 1 : 0,
        w: l.overdue.w,
        h: overdueHeight(),
        rect: true,
        color: COLOR.overdueFill,
        visible: model.overdue,
        Label: { x: 12, y: 3, ...text(t('state.overdue'), { size: TYPE.tiny, color: COLOR.text }) },
      },
    });
  }

  override _focus() {
    this.patch(focusLook(true));
  }

  override _unfocus() {
    this.patch(focusLook(false));
  }
}
