/**
 * A home-screen tile: the sub-channel's number and name, when it was updated, and an overdue
 * mark in words. In large-text mode tiles are wide and short (number and name on one line,
 * update and overdue mark on the next) so that two columns of three rows still fit.
 */
import { Lightning } from '@lightningjs/sdk';
import type { TileModel } from '../data/models';
import { t } from '../../i18n';
import { COLOR, currentLook, lineOf, SAFE, TYPE } from '../theme';
import { focusLook, frame } from './focus';
import { text } from './text';

export const TILE_GAP = 24;
const PAD = 24;

const wide = () => currentLook().largeText;
/** Tiles per row: five, or two wide ones in large-text mode. */
export const tileColumns = (): number => (wide() ? 2 : 5);
export const tileWidth = (): number => Math.floor((SAFE.w - (tileColumns() - 1) * TILE_GAP) / tileColumns());
export const tileHeight = (): number =>
  wide() ? 12 + lineOf(TYPE.tile) + lineOf(TYPE.tiny) + 18 : 12 + lineOf(TYPE.small) + 2 * lineOf(TYPE.tile) + lineOf(TYPE.tiny) + overdueHeight() + 18;
const overdueHeight = () => lineOf(TYPE.tiny) + 6;

const layout = () => {
  const w = tileWidth();
  const inner = w - 2 * PAD;
  if (wide()) {
    const numberW = Math.round(TYPE.tile * 1.6);
    const second = 12 + lineOf(TYPE.tile);
    return {
      Number: { x: PAD, y: 12, ...text('', { size: TYPE.tile, color: COLOR.textSecondary }) },
      Title: { x: PAD + numberW, y: 12, ...text('', { size: TYPE.tile, width: inner - numberW, maxLines: 1, bold: true }) },
      Updated: { x: PAD, y: second, ...text('', { size: TYPE.tiny, color: COLOR.textSecondary, width: inner / 2, maxLines: 1 }) },
      Overdue: { x: w - PAD, mountX: 1, y: second - 3, w: inner / 2 - PAD, h: overdueHeight() },
    };
  }
  const title = 12 + lineOf(TYPE.small);
  const updated = title + 2 * lineOf(TYPE.tile);
  return {
    Number: { x: PAD, y: 12, ...text('', { size: TYPE.small, color: COLOR.textSecondary }) },
    Title: { x: PAD, y: title, ...text('', { size: TYPE.tile, width: inner, maxLines: 2, bold: true }) },
    Updated: { x: PAD, y: updated, ...text('', { size: TYPE.tiny, color: COLOR.textSecondary, width: inner, maxLines: 1 }) },
    Overdue: { x: PAD, y: updated + lineOf(TYPE.tiny), w: inner, h: overdueHeight() },
  };
};

export class Tile extends Lightning.Component {
  static override _template() {
    const w = tileWidth();
    const h = tileHeight();
    const parts = layout();
    return {
      w,
      h,
      rect: true,
      color: COLOR.panel,
      Accent: { rect: true, w, h: 9, color: COLOR.textSecondary },
      ...frame(w, h),
      Number: parts.Number,
      Title: parts.Title,
      Updated: parts.Updated,
      Overdue: {
        ...parts.Overdue,
        rect: true,
        color: COLOR.overdueFill,
        visible: false,
        Label: { x: 12, y: 3, ...text(t('state.overdue'), { size: TYPE.tiny, color: COLOR.text }) },
      },
    };
  }

  set model(tile: TileModel) {
    this.tag('Number').text.text = String(tile.channel).padStart(2, '0');
    this.tag('Title').text.text = tile.title;
    this.tag('Updated').text.text = tile.updated;
    this.tag('Overdue').visible = tile.overdue;
  }

  set accent(color: number) {
    this.tag('Accent').color = color;
  }

  override _focus() {
    this.patch(focusLook(true));
  }

  override _unfocus() {
    this.patch(focusLook(false));
  }
}
