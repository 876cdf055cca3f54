/** A home-screen tile: the sub-channel's name, when it was updated, and an overdue mark in words. */
import { Lightning } from '@lightningjs/sdk';
import type { TileModel } from '../data/models';
import { t } from '../../i18n';
import { COLOR, FOCUS, TYPE } from '../theme';
import { text } from './text';

export const TILE_W = 318;
export const TILE_H = 276;

export class Tile extends Lightning.Component {
  static override _template() {
    return {
      w: TILE_W,
      h: TILE_H,
      rect: true,
      color: COLOR.panel,
      pivot: 0.5,
      Accent: { rect: true, w: TILE_W, h: 9, color: COLOR.textSecondary },
      Outline: { alpha: 0, texture: Lightning.Tools.getRoundRect(TILE_W, TILE_H, 6, FOCUS.border, COLOR.focus, false) },
      Number: { x: 24, y: 12, ...text('', { size: TYPE.small, color: COLOR.textSecondary }) },
      Title: { x: 24, y: 54, ...text('', { size: 40, width: TILE_W - 48, maxLines: 2, bold: true }) },
      Updated: { x: 24, y: 174, ...text('', { size: TYPE.small - 4, color: COLOR.textSecondary, width: TILE_W - 48, maxLines: 1 }) },
      Overdue: {
        x: 24,
        y: 222,
        rect: true,
        w: TILE_W - 48,
        h: 45,
        color: 0xff5c1a1a,
        visible: false,
        Label: { x: 12, y: 3, ...text(t('state.overdue'), { size: TYPE.small - 4, color: COLOR.overdue }) },
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
    this.patch({ smooth: { scale: [FOCUS.scale, { duration: FOCUS.durationSec }] }, color: COLOR.panelFocused, Outline: { alpha: 1 } });
  }

  override _unfocus() {
    this.patch({ smooth: { scale: [1, { duration: FOCUS.durationSec }] }, color: COLOR.panel, Outline: { alpha: 0 } });
  }
}
