/**
 * One voucher with every field; OK opens its scanned receipt full screen, or, on the 提问 button
 * beside it (→), 我要提问 about this voucher; the green key asks from anywhere on the page.
 */
import { AskButton, askButtonHeight, askButtonWidth } from '../components/AskButton';
import { keepDrawn, text } from '../components/text';
import type { VoucherModel } from '../data/models';
import { t } from '../../i18n';
import { contentBottom, contentTop } from '../components/Chrome';
import { COLOR, currentLook, lineOf, px, SAFE, TYPE } from '../theme';
import type { Utterance } from '../speech/speaker';
import { AskablePage } from './AskablePage';

/** Two columns of fields, or one wide column in large-text mode so values keep their room. */
const columns = () => (currentLook().largeText ? 1 : 2);
const fieldHeight = () => lineOf(TYPE.body) + px(14);
const labelWidth = () => px(260);
const receiptY = () => contentBottom() - lineOf(TYPE.body) - px(6);
/** The right end of the bottom line keeps the page number; the 提问 button sits before it. */
const pageNumberW = () => px(300);
const askX = () => SAFE.x + SAFE.w - pageNumberW() - askButtonWidth();

type FieldRow = VoucherModel['fields'];

export class VoucherPage extends AskablePage {
  private receiptTarget: string | undefined;

  protected get okTarget() {
    return this.receiptTarget;
  }
  private model: VoucherModel | null = null;
  /** Field rows split into pages when they do not all fit (large text). */
  private pages: FieldRow[][] = [];
  private pageIndex = 0;

  static override _template() {
    return {
      ...super._template(),
      Title: {
        x: SAFE.x,
        y: contentTop(),
        ...text('', { size: TYPE.heading, bold: true, width: SAFE.w, maxLines: 1 }),
      },
      Direction: { x: SAFE.x, y: 0, ...text('', { size: TYPE.title, bold: true }) },
      Amount: { x: SAFE.x + px(180), y: 0, ...text('', { size: TYPE.amount, bold: true }) },
      InWords: {
        x: SAFE.x,
        y: 0,
        ...text('', { size: TYPE.body, color: COLOR.textSecondary, width: SAFE.w, maxLines: 1 }),
      },
      Correction: {
        x: SAFE.x,
        y: 0,
        ...text('', { size: TYPE.small, color: COLOR.corrected, width: SAFE.w, maxLines: 2 }),
      },
      Fields: { x: SAFE.x, y: 0 },
      Receipt: {
        x: SAFE.x,
        y: receiptY(),
        ...text('', {
          size: TYPE.body,
          color: COLOR.focus,
          width: SAFE.w - pageNumberW() - askButtonWidth() - px(30),
          maxLines: 1,
        }),
      },
      Ask: { type: AskButton, x: askX(), y: receiptY() + (lineOf(TYPE.body) - askButtonHeight()) / 2, visible: false },
      PageNumber: {
        x: SAFE.x + SAFE.w,
        y: receiptY(),
        mountX: 1,
        ...text('', { size: TYPE.body, color: COLOR.textSecondary, align: 'right' }),
      },
    };
  }

  override _init() {
    // One of two fixed lines.
    keepDrawn(this.tag('Receipt'));
  }

  set voucher(model: VoucherModel) {
    this.model = model;
    this.receiptTarget = model.receiptTarget;
    this.setChrome(
      model.crumbs,
      this.askTarget ? t('hint.voucherAsk') : model.receiptTarget ? t('hint.list') : t('hint.back'),
    );
    this.showAskButton();
    this.tag('Title').text.text = model.title;
    // Stack: title, direction and amount, amount in words, correction, then the fields.
    let y = contentTop() + lineOf(TYPE.heading);
    const line = lineOf(TYPE.amount);
    this.tag('Direction').patch({
      y: y + (line - lineOf(TYPE.title)) / 2,
      text: { text: model.direction, textColor: model.directionColor },
    });
    this.tag('Amount').patch({ y, text: { text: model.amount, textColor: model.directionColor } });
    y += line;
    this.tag('InWords').patch({ y, text: { text: t('voucher.amountInWords', { amount: model.amountInWords }) } });
    y += lineOf(TYPE.body);
    this.tag('Correction').patch({ y, visible: !!model.correction, text: { text: model.correction ?? '' } });
    if (model.correction) y += 2 * lineOf(TYPE.small);
    this.tag('Fields').y = y + px(6);
    // The long review line takes a full row at the end; the rest sit in columns.
    const perRow = columns();
    const rows: FieldRow[] = [];
    const last = model.fields.length - 1;
    for (let i = 0; i < last; i += perRow) rows.push(model.fields.slice(i, Math.min(i + perRow, last)));
    rows.push(model.fields.slice(last));
    const rowsPerPage = Math.max(1, Math.floor((receiptY() - y - px(6)) / fieldHeight()));
    this.pages = [];
    for (let i = 0; i < rows.length; i += rowsPerPage) this.pages.push(rows.slice(i, i + rowsPerPage));
    this.tag('Receipt').text.text = model.receiptTarget
      ? `【OK】${t('voucher.openReceipts', { count: model.receiptCount })}`
      : t('voucher.noReceipt');
    this.showPage(0);
  }

  private showPage(index: number): boolean {
    if (index < 0 || index >= this.pages.length) return false;
    this.pageIndex = index;
    const perRow = columns();
    const columnW = SAFE.w / perRow;
    this.tag('Fields').children = (this.pages[index] ?? []).flatMap((row, r) =>
      row.map((field, c) => {
        const width = row.length === 1 ? SAFE.w : columnW;
        return {
          x: c * columnW,
          y: r * fieldHeight(),
          Label: {
            y: (lineOf(TYPE.body) - lineOf(TYPE.small)) / 2,
            ...text(field.label, {
              size: TYPE.small,
              color: COLOR.textSecondary,
              width: labelWidth() - 12,
              maxLines: 1,
            }),
          },
          Value: {
            x: labelWidth(),
            ...text(field.value, { size: TYPE.body, width: width - labelWidth() - 24, maxLines: 1 }),
          },
        };
      }),
    );
    for (const field of this.tag('Fields').children) keepDrawn(field.tag('Label'));
    this.tag('PageNumber').text.text =
      this.pages.length > 1 ? t('reader.page', { page: index + 1, pages: this.pages.length }) : '';
    return true;
  }

  override _handleDown() {
    return this.showPage(this.pageIndex + 1);
  }

  override _handleUp() {
    return this.showPage(this.pageIndex - 1);
  }

  _handleChannelDown() {
    return this.showPage(this.pageIndex + 1);
  }

  _handleChannelUp() {
    return this.showPage(this.pageIndex - 1);
  }

  /** On arrival: which voucher, which way and how much. */
  override speech(): Utterance {
    const m = this.model;
    return { text: m ? `${m.title}，${m.direction} ${m.amount}` : '' };
  }

  /** The read key: every field, the amount said as money. */
  readAll(): Utterance {
    const m = this.model;
    if (!m) return { text: '' };
    const fields = m.fields.map((f) => `${f.label}：${f.value}`);
    return {
      text: [`${m.title}，${m.direction} ${m.amount}`, ...fields, m.correction ?? ''].filter(Boolean).join('。'),
    };
  }
}
