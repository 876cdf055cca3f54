/** One row of a list: a title, a line of detail, and at the right a status word or an amount. */
import { Lightning } from '@lightningjs/sdk';
import type { RowModel } from '../data/models';
import { COLOR, FOCUS, TYPE } from '../theme';
import { text } from './text';

export const ROW_HEIGHT = 120;
export const ROW_WIDTH = 1728;
const RIGHT_W = 420;

export class ListRow extends Lightning.Component {
  static override _template() {
    return {
      w: ROW_WIDTH,
      h: ROW_HEIGHT - 12,
      rect: true,
      color: COLOR.panel,
      Outline: { x: 0, y: 0, w: ROW_WIDTH, h: ROW_HEIGHT - 12, alpha: 0, texture: Lightning.Tools.getRoundRect(ROW_WIDTH, ROW_HEIGHT - 12, 6, FOCUS.border, COLOR.focus, false) },
      Title: { x: 30, y: 4, ...text('', { size: TYPE.row, width: ROW_WIDTH - RIGHT_W - 60, maxLines: 1 }) },
      Detail: { x: 30, y: 56, ...text('', { size: TYPE.small, color: COLOR.textSecondary, width: ROW_WIDTH - RIGHT_W - 60, maxLines: 1 }) },
      Tag: { x: ROW_WIDTH - 30, y: 6, mountX: 1, ...text('', { size: TYPE.small, align: 'right' }) },
      Amount: { x: ROW_WIDTH - 30, y: 52, mountX: 1, ...text('', { size: TYPE.row, align: 'right' }) },
    };
  }

  set item(row: RowModel | undefined) {
    this.visible = !!row;
    if (!row) return;
    this.tag('Title').text.text = row.title;
    this.tag('Detail').text.text = row.detail ?? '';
    const tag = this.tag('Tag');
    tag.text.text = row.tag ?? '';
    tag.text.textColor = row.tagColor ?? COLOR.textSecondary;
    // Without a status word the amount takes the middle of the row.
    const amount = this.tag('Amount');
    amount.text.text = row.amount ?? '';
    amount.text.textColor = row.amountColor ?? COLOR.text;
    amount.y = row.tag ? 52 : 28;
  }

  override _focus() {
    this.patch({ color: COLOR.panelFocused, Outline: { alpha: 1 } });
  }

  override _unfocus() {
    this.patch({ color: COLOR.panel, Outline: { alpha: 0 } });
  }
}
