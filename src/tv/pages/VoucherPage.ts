/** One voucher with every field; OK opens its scanned receipt full screen. */
import { Router } from '@lightningjs/sdk';
import { text } from '../components/text';
import type { VoucherModel } from '../data/models';
import { t } from '../../i18n';
import { COLOR, SAFE, TYPE } from '../theme';
import { Page } from './Page';

const COLUMN_W = SAFE.w / 2;
const FIELD_H = 66;
const LABEL_W = 260;

export class VoucherPage extends Page {
  private receiptTarget: string | undefined;

  static override _template() {
    return {
      ...super._template(),
      Title: { x: SAFE.x, y: 96, ...text('', { size: TYPE.heading, bold: true }) },
      Direction: { x: SAFE.x, y: 192, ...text('', { size: TYPE.title, bold: true }) },
      Amount: { x: SAFE.x + 180, y: 180, ...text('', { size: 66, bold: true }) },
      InWords: { x: SAFE.x + 780, y: 198, ...text('', { size: TYPE.body, color: COLOR.textSecondary, width: SAFE.w - 780, maxLines: 1 }) },
      Correction: { x: SAFE.x, y: 276, ...text('', { size: TYPE.small, color: COLOR.corrected, width: SAFE.w, maxLines: 1 }) },
      Fields: { x: SAFE.x, y: 330 },
      Receipt: { x: SAFE.x, y: 1080 - 96 - 66, ...text('', { size: TYPE.body, color: COLOR.focus }) },
    };
  }

  set voucher(model: VoucherModel) {
    this.receiptTarget = model.receiptTarget;
    this.setChrome(model.crumbs, model.receiptTarget ? t('hint.list') : t('hint.back'));
    this.tag('Title').text.text = model.title;
    this.tag('Direction').patch({ text: { text: model.direction, textColor: model.directionColor } });
    this.tag('Amount').patch({ text: { text: model.amount, textColor: model.directionColor } });
    this.tag('InWords').text.text = t('voucher.amountInWords', { amount: model.amountInWords });
    this.tag('Correction').text.text = model.correction ?? '';
    // The long review line takes a full row at the end; the rest sit in two columns.
    const lastIndex = model.fields.length - 1;
    this.tag('Fields').children = model.fields.map((field, i) => {
      const wide = i === lastIndex;
      return {
        x: wide ? 0 : (i % 2) * COLUMN_W,
        y: wide ? Math.ceil(lastIndex / 2) * FIELD_H : Math.floor(i / 2) * FIELD_H,
        Label: { ...text(field.label, { size: TYPE.small, color: COLOR.textSecondary }) },
        Value: { x: LABEL_W, ...text(field.value, { size: TYPE.body, width: (wide ? SAFE.w : COLUMN_W) - LABEL_W - 24, maxLines: 1 }) },
      };
    });
    this.tag('Receipt').text.text = model.receiptTarget ? `【OK】${t('voucher.openReceipt')}` : t('voucher.noReceipt');
  }

  override _handleEnter() {
    if (this.receiptTarget) Router.navigate(this.receiptTarget);
  }
}
