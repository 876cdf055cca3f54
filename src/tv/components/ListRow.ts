/** One row of a list: a title, a line of detail, and at the right a status word or an amount. */
import { Lightning } from '@lightningjs/sdk';
import type { RowModel } from '../data/models';
import { COLOR, lineOf, px, TYPE } from '../theme';
import { focusLook, frame } from './focus';
import { text } from './text';
import { t } from '../../i18n';

/** Title line, detail line and margins: grows with the text. */
export const rowHeight = (): number => lineOf(TYPE.row) + lineOf(TYPE.small) + 22;
export const ROW_WIDTH = 1728;
const rightWidth = () => px(420);
const switchW = () => px(150);
const switchH = () => px(60);
const barH = () => px(24);

export class ListRow extends Lightning.Component {
  static override _template() {
    const h = rowHeight() - 12;
    const textW = ROW_WIDTH - rightWidth() - 60;
    return {
      w: ROW_WIDTH,
      h,
      rect: true,
      color: COLOR.panel,
      ...frame(ROW_WIDTH, h),
      Title: { x: 30, y: px(6), ...text('', { size: TYPE.row, width: textW, maxLines: 1 }) },
      Detail: {
        x: 30,
        y: px(6) + lineOf(TYPE.row),
        ...text('', { size: TYPE.small, color: COLOR.textSecondary, width: textW, maxLines: 1 }),
      },
      // A poll's result: a track the detail line's width, filled to the option's share.
      Bar: {
        visible: false,
        x: 30,
        y: px(6) + lineOf(TYPE.row) + Math.round((lineOf(TYPE.small) - barH()) / 2),
        w: textW,
        h: barH(),
        rect: true,
        Fill: { rect: true, h: barH() },
      },
      Tag: {
        x: ROW_WIDTH - 30,
        y: px(6),
        mountX: 1,
        ...text('', { size: TYPE.small, align: 'right', width: rightWidth(), maxLines: 1 }),
      },
      Amount: {
        x: ROW_WIDTH - 30,
        y: px(6) + lineOf(TYPE.small),
        mountX: 1,
        ...text('', { size: TYPE.row, align: 'right' }),
      },
      Switch: {
        visible: false,
        x: ROW_WIDTH - 30 - switchW(),
        y: (h - switchH()) / 2,
        // A filled rect under its words (so the contrast test finds what they sit on), edged in white.
        Track: {
          rect: true,
          w: switchW(),
          h: switchH(),
          Edge: { texture: Lightning.Tools.getRoundRect(switchW(), switchH(), 6, 3, COLOR.text, false) },
          Knob: { rect: true, y: 9, w: switchH() - 18, h: switchH() - 18 },
          Word: { y: (switchH() - lineOf(TYPE.small)) / 2, ...text('', { size: TYPE.small, bold: true }) },
        },
      },
    };
  }

  /** A switch: filled yellow with its knob right and 开 when on; dark, knob left and 关 when off. */
  private showSwitch(on: boolean | undefined): void {
    const sw = this.tag('Switch');
    sw.visible = on !== undefined;
    if (on === undefined) return;
    const w = switchW();
    const h = switchH();
    const knob = h - 18;
    sw.patch({
      Track: {
        color: on ? COLOR.focus : COLOR.background,
        Knob: { x: on ? w - knob - 9 : 9, color: on ? COLOR.background : COLOR.text },
        Word: {
          x: on ? 24 : knob + 30,
          text: { text: t(on ? 'settings.on' : 'settings.off'), textColor: on ? COLOR.background : COLOR.text },
        },
      },
    });
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
    amount.y = row.tag ? px(6) + lineOf(TYPE.small) : (rowHeight() - 12 - lineOf(TYPE.row)) / 2;
    this.showSwitch(row.switchOn);
    this.showBar(row.bar);
  }

  private showBar(share: number | undefined): void {
    const bar = this.tag('Bar');
    bar.visible = share !== undefined;
    if (share === undefined) return;
    // The track in the table header's shade: visible on the row in every look (high contrast's rows are black).
    bar.patch({
      color: COLOR.header,
      Fill: { w: Math.round(bar.w * Math.max(0, Math.min(1, share))), color: COLOR.income },
    });
  }

  override _focus() {
    this.patch(focusLook(true));
  }

  override _unfocus() {
    this.patch(focusLook(false));
  }
}
