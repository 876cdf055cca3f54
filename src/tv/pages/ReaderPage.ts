/**
 * Reads one item: title, facts, correction notice and the text laid out in pages
 * (channel ± or up/down to turn them). OK plays the item's video or opens its photos.
 */
import { alertBand, alertBandHeight } from '../components/alertBand';
import { text } from '../components/text';
import type { DocumentModel } from '../data/models';
import { readAloud } from '../kinds/common';
import { t } from '../../i18n';
import { contentBottom, contentTop } from '../components/Chrome';
import { canvasMeasure, paginate, wrapParagraph } from '../text/layout';
import { COLOR, fontFaces, lineOf, px, SAFE, TYPE } from '../theme';
import type { Utterance } from '../speech/speaker';
import { AskButton, askButtonWidth } from '../components/AskButton';
import { AskablePage } from './AskablePage';

/** The body ends above the line of page number and OK action. */
const bodyBottom = () => contentBottom() - lineOf(TYPE.small) - px(18);
const figuresPerRow = () => (TYPE.figure > 60 ? 3 : 4);
/** The reading column: 28 characters of body text a line (24-30 rest weak eyes), centred. */
const columnW = () => Math.min(SAFE.w, 28 * TYPE.body);
const columnX = () => Math.round((1920 - columnW()) / 2);
/** Body lines are spaced wider than the rest of the app's text (1.45). */
const bodyLine = () => Math.round(TYPE.body * 1.7);
/** The right end of the bottom line keeps the page number; the 提问 button sits before it. */
const pageNumberW = () => px(300);

export class ReaderPage extends AskablePage {
  private pages: string[][] = [[]];
  private pageIndex = 0;
  private action: string | undefined;

  protected get okTarget() {
    return this.action;
  }
  private document: DocumentModel | null = null;

  static override _template() {
    return {
      ...super._template(),
      // An alert's level band (colour, triangle, 蓝色预警), above its title.
      AlertBand: { x: columnX(), y: contentTop(), rect: true, visible: false, Icon: {}, Label: {} },
      Title: {
        x: columnX(),
        y: contentTop(),
        ...text('', { size: TYPE.title, width: columnW(), maxLines: 3, bold: true }),
      },
      Meta: {
        x: columnX(),
        y: 0,
        ...text('', { size: TYPE.small, color: COLOR.textSecondary, width: columnW(), maxLines: 2 }),
      },
      Correction: {
        x: columnX(),
        y: 0,
        ...text('', { size: TYPE.small, color: COLOR.corrected, width: columnW(), maxLines: 3 }),
      },
      // Key figures are short: they keep the full width, so they take few rows.
      Figures: { x: SAFE.x, y: 0 },
      Body: { x: columnX(), y: 0, text: { ...text('', { size: TYPE.body }).text, lineHeight: bodyLine() } },
      PageNumber: {
        x: SAFE.x + SAFE.w,
        y: bodyBottom() + px(6),
        mountX: 1,
        ...text('', { size: TYPE.small, color: COLOR.textSecondary, align: 'right' }),
      },
      Action: {
        x: SAFE.x,
        y: bodyBottom() + px(6),
        ...text('', {
          size: TYPE.small,
          color: COLOR.focus,
          width: SAFE.w - pageNumberW() - askButtonWidth() - px(30),
          maxLines: 1,
        }),
      },
      Ask: {
        type: AskButton,
        x: SAFE.x + SAFE.w - pageNumberW() - askButtonWidth(),
        y: bodyBottom() + px(6),
        visible: false,
      },
    };
  }

  set model(model: DocumentModel) {
    this.document = model;
    this.action = model.videoTarget ?? model.photosTarget;
    const actionLabel = model.videoTarget
      ? t('reader.playVideo')
      : model.photosTarget
        ? t('reader.viewPhotos', { count: model.photos.length })
        : '';
    this.setChrome(
      model.crumbs,
      this.askTarget
        ? t('hint.readerAsk')
        : actionLabel
          ? t('hint.readerMedia', { action: actionLabel })
          : t('hint.reader'),
    );
    this.showAskButton();
    this.tag('Action').text.text = actionLabel ? `【OK】${actionLabel}` : '';
    // Stack the header parts, each as tall as its wrapped text; each takes room only when present.
    let y = contentTop();
    const band = this.tag('AlertBand');
    if (model.alert) {
      band.patch(alertBand(model.alert.level, model.alert.label, columnW()));
      y += alertBandHeight() + px(12);
    } else band.visible = false;
    this.tag('Title').patch({ y, text: { text: model.title } });
    const linesOf = (value: string, size: number, max: number) =>
      Math.min(max, Math.max(1, wrapParagraph(value, columnW(), canvasMeasure(fontFaces().join(', '), size)).length));
    y += linesOf(model.title, TYPE.title, 3) * lineOf(TYPE.title) + px(6);
    const meta = model.meta.join('  ·  ');
    this.tag('Meta').patch({ y, text: { text: meta } });
    y += linesOf(meta, TYPE.small, 2) * lineOf(TYPE.small) + px(6);
    const correction = this.tag('Correction');
    correction.patch({ y, visible: !!model.correction, text: { text: model.correction ?? '' } });
    if (model.correction) y += linesOf(model.correction, TYPE.small, 3) * lineOf(TYPE.small) + px(6);
    const figures = this.tag('Figures');
    const perRow = figuresPerRow();
    const figureH = lineOf(TYPE.figure) + lineOf(TYPE.small) + px(6);
    figures.patch({ y, visible: model.figures.length > 0 });
    figures.children = model.figures.map((f, i) => ({
      x: (i % perRow) * (SAFE.w / perRow),
      y: Math.floor(i / perRow) * figureH,
      Value: {
        ...text(f.value, {
          size: TYPE.figure,
          color: COLOR.focus,
          bold: true,
          width: SAFE.w / perRow - 24,
          maxLines: 1,
        }),
      },
      Label: {
        y: lineOf(TYPE.figure),
        ...text(f.label, { size: TYPE.small, color: COLOR.textSecondary, width: SAFE.w / perRow - 24, maxLines: 1 }),
      },
    }));
    const figuresBottom = y + Math.ceil(model.figures.length / perRow) * figureH + px(12);
    // Where the figures would leave fewer than three lines of text (large text), they are read
    // as the text's first lines instead.
    const figuresInline = model.figures.length > 0 && (bodyBottom() - figuresBottom) / bodyLine() < 3;
    figures.visible = model.figures.length > 0 && !figuresInline;
    if (figures.visible) y = figuresBottom;
    const paragraphs = figuresInline
      ? [model.figures.map((f) => `${f.label}：${f.value}`).join('　'), ...model.paragraphs]
      : model.paragraphs;

    const linesPerPage = Math.max(3, Math.floor((bodyBottom() - y) / bodyLine()));
    // Filled again after a feed update: the reader stays on the page being read.
    const page = this.pages.length > 1 || this.pages[0]?.length ? this.pageIndex : 0;
    this.pages = paginate(paragraphs, columnW(), linesPerPage, canvasMeasure(fontFaces().join(', '), TYPE.body));
    this.tag('Body').y = y;
    this.showPage(page);
  }

  private showPage(index: number): void {
    this.pageIndex = Math.max(0, Math.min(this.pages.length - 1, index));
    this.tag('Body').text.text = (this.pages[this.pageIndex] ?? []).join('\n');
    this.tag('PageNumber').text.text =
      this.pages.length > 1 ? t('reader.page', { page: this.pageIndex + 1, pages: this.pages.length }) : '';
  }

  /** The read key: the whole item, from its recording when it has one. */
  readAll(): Utterance {
    return this.document ? readAloud(this.document) : { text: '' };
  }

  override historyState(state?: { page: number }) {
    if (state) {
      this.showPage(state.page);
      return undefined;
    }
    return { page: this.pageIndex };
  }

  private turn(step: number): boolean {
    const next = this.pageIndex + step;
    if (next < 0 || next >= this.pages.length) return false;
    this.showPage(next);
    return true;
  }

  override _handleDown() {
    return this.turn(1);
  }

  override _handleUp() {
    return this.turn(-1);
  }

  _handleChannelDown() {
    return this.turn(1);
  }

  _handleChannelUp() {
    return this.turn(-1);
  }
}
