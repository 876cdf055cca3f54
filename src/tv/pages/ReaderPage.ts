/**
 * Reads one item: title, facts, correction notice and the text laid out in pages
 * (channel ± or up/down to turn them). OK plays the item's video or opens its photos.
 */
import { Router } from '@lightningjs/sdk';
import { text } from '../components/text';
import type { DocumentModel } from '../data/models';
import { t } from '../../i18n';
import { canvasMeasure, paginate } from '../text/layout';
import { COLOR, FONT, LINE_HEIGHT, SAFE, TYPE } from '../theme';
import { Page } from './Page';

const BODY_BOTTOM = 1080 - 96 - 72;
const LINE = Math.round(TYPE.body * LINE_HEIGHT);

export class ReaderPage extends Page {
  private pages: string[][] = [[]];
  private pageIndex = 0;
  private action: string | undefined;

  static override _template() {
    return {
      ...super._template(),
      Title: { x: SAFE.x, y: 96, ...text('', { size: TYPE.title, width: SAFE.w, maxLines: 2, bold: true }) },
      Meta: { x: SAFE.x, y: 0, ...text('', { size: TYPE.small, color: COLOR.textSecondary, width: SAFE.w, maxLines: 1 }) },
      Correction: { x: SAFE.x, y: 0, ...text('', { size: TYPE.small, color: COLOR.corrected, width: SAFE.w, maxLines: 2 }) },
      Figures: { x: SAFE.x, y: 0 },
      Body: { x: SAFE.x, y: 0, ...text('', { size: TYPE.body, width: 0 }) },
      PageNumber: { x: SAFE.x + SAFE.w, y: BODY_BOTTOM + 6, mountX: 1, ...text('', { size: TYPE.small, color: COLOR.textSecondary, align: 'right' }) },
      Action: { x: SAFE.x, y: BODY_BOTTOM + 6, ...text('', { size: TYPE.small, color: COLOR.focus }) },
    };
  }

  set model(model: DocumentModel) {
    this.action = model.videoTarget ?? model.photosTarget;
    const actionLabel = model.videoTarget ? t('reader.playVideo') : model.photosTarget ? t('reader.viewPhotos', { count: model.photos.length }) : '';
    this.setChrome(model.crumbs, actionLabel ? t('hint.readerMedia', { action: actionLabel }) : t('hint.reader'));
    this.tag('Action').text.text = actionLabel ? `【OK】${actionLabel}` : '';
    this.tag('Title').text.text = model.title;

    // Stack the header parts; each takes room only when present.
    let y = 96 + (model.title.length > 34 ? 2 : 1) * Math.round(TYPE.title * LINE_HEIGHT) + 6;
    this.tag('Meta').patch({ y, text: { text: model.meta.join('  ·  ') } });
    y += 54;
    const correction = this.tag('Correction');
    correction.patch({ y, visible: !!model.correction, text: { text: model.correction ?? '' } });
    if (model.correction) y += 60;
    const figures = this.tag('Figures');
    figures.patch({ y, visible: model.figures.length > 0 });
    figures.children = model.figures.map((f, i) => ({
      x: (i % 4) * (SAFE.w / 4),
      y: Math.floor(i / 4) * 108,
      Value: { ...text(f.value, { size: TYPE.figure, color: COLOR.focus, bold: true }) },
      Label: { y: 66, ...text(f.label, { size: TYPE.small, color: COLOR.textSecondary }) },
    }));
    if (model.figures.length) y += Math.ceil(model.figures.length / 4) * 108 + 12;

    const linesPerPage = Math.max(3, Math.floor((BODY_BOTTOM - y) / LINE));
    // Filled again after a feed update: the reader stays on the page being read.
    const page = this.pages.length > 1 || this.pages[0]?.length ? this.pageIndex : 0;
    this.pages = paginate(model.paragraphs, SAFE.w, linesPerPage, canvasMeasure(FONT, TYPE.body));
    this.tag('Body').y = y;
    this.showPage(page);
  }

  private showPage(index: number): void {
    this.pageIndex = Math.max(0, Math.min(this.pages.length - 1, index));
    this.tag('Body').text.text = (this.pages[this.pageIndex] ?? []).join('\n');
    this.tag('PageNumber').text.text = this.pages.length > 1 ? t('reader.page', { page: this.pageIndex + 1, pages: this.pages.length }) : '';
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

  override _handleEnter() {
    if (this.action) Router.navigate(this.action);
  }
}
