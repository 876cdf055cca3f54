/**
 * A scanned receipt as large as the screen allows, with the voucher's key facts over it.
 * OK and channel + zoom in, channel − zooms out, the arrows pan; at full view Left/Right
 * move between the voucher's attachments, one image each (第1/3张).
 */

import { text } from '../components/text';
import type { ReceiptModel } from '../data/models';
import { box } from '../context';
import { t } from '../../i18n';
import { contentBottom, contentTop } from '../components/Chrome';
import { COLOR, lineOf, px, SAFE, TYPE } from '../theme';
import { Page } from './Page';

const ZOOMS = [1, 1.5, 2, 3];
/** The facts bar under the breadcrumb, and the image's room below it. */
const factsHeight = () => lineOf(TYPE.small) + px(12);
const view = () => ({
  x: 0,
  y: contentTop() + factsHeight(),
  w: 1920,
  h: contentBottom() - contentTop() - factsHeight(),
});
const PAN_STEP = 0.15;

export class ReceiptPage extends Page {
  private images: ReceiptModel['images'] = [];
  private current = 0;
  private zoom = 0;
  /** Pan offset as a fraction of the overflow on each axis, -0.5..0.5. */
  private pan = { x: 0, y: 0 };

  static override _template() {
    return {
      ...super._template(),
      View: { ...view(), clipping: true, Image: { mount: 0.5 } },
      Facts: {
        rect: true,
        x: 0,
        y: contentTop(),
        w: 1920,
        h: factsHeight(),
        color: COLOR.bar,
        Text: { x: SAFE.x, y: px(6), ...text('', { size: TYPE.small, width: SAFE.w, maxLines: 1 }) },
      },
      // On its own dark backing: the receipt under it is pale paper.
      Zoom: {
        rect: true,
        color: COLOR.background,
        x: SAFE.x + SAFE.w,
        y: contentBottom() - lineOf(TYPE.small) - px(24),
        mountX: 1,
        w: SAFE.w / 2,
        h: lineOf(TYPE.small) + px(12),
        Label: {
          x: SAFE.w / 2 - px(18),
          y: px(6),
          mountX: 1,
          ...text('', { size: TYPE.small, color: COLOR.focus, align: 'right' }),
        },
      },
    };
  }

  override _init() {
    super._init?.();
    // The backing hugs its label, whatever its length.
    const label = this.tag('Zoom.Label');
    label.on('txLoaded', () => {
      const w = label.renderWidth + px(36);
      this.tag('Zoom').w = w;
      label.x = w - px(18);
    });
  }

  set receipt(model: ReceiptModel) {
    this.images = model.images;
    this.setChrome(model.crumbs, model.images.length > 1 ? t('hint.receiptPages') : t('hint.receipt'));
    this.tag('Facts.Text').text.text = model.facts.join('  ·  ');
    this.show(0);
  }

  private show(index: number): void {
    this.current = index;
    this.zoom = 0;
    this.pan = { x: 0, y: 0 };
    const image = this.images[index];
    if (!image) return;
    this.tag('View.Image').patch({ src: box().store.client.url(image.src), w: image.width, h: image.height });
    this.layout();
  }

  /** Fit the image to the view, then apply zoom and pan, never showing past its edges. */
  private layout(): void {
    const image = this.images[this.current];
    if (!image) return;
    const VIEW = view();
    const fit = Math.min(VIEW.w / image.width, VIEW.h / image.height);
    const zoom = ZOOMS[this.zoom] ?? 1;
    const scale = fit * zoom;
    const overflowX = Math.max(0, image.width * scale - VIEW.w);
    const overflowY = Math.max(0, image.height * scale - VIEW.h);
    this.tag('View.Image').patch({
      smooth: { scale, x: VIEW.w / 2 - this.pan.x * overflowX, y: VIEW.h / 2 - this.pan.y * overflowY },
    });
    // Which sheet of how many and what it is (第1/3张 · 发票), then the zoom.
    this.tag('Zoom.Label').text.text = `${image.label}  ·  ${t('receipt.zoom', { zoom: Math.round(zoom * 100) })}`;
  }

  private setZoom(level: number): boolean {
    const next = Math.max(0, Math.min(ZOOMS.length - 1, level));
    if (next === this.zoom) return false;
    this.zoom = next;
    if (next === 0) this.pan = { x: 0, y: 0 };
    this.layout();
    return true;
  }

  private move(dx: number, dy: number): void {
    this.pan = {
      x: Math.max(-0.5, Math.min(0.5, this.pan.x + dx * PAN_STEP)),
      y: Math.max(-0.5, Math.min(0.5, this.pan.y + dy * PAN_STEP)),
    };
    this.layout();
  }

  override _handleEnter() {
    // At the largest zoom OK goes back to the whole receipt.
    if (!this.setZoom(this.zoom + 1)) this.setZoom(0);
  }

  _handleChannelUp() {
    this.setZoom(this.zoom + 1);
  }

  _handleChannelDown() {
    this.setZoom(this.zoom - 1);
  }

  override _handleLeft() {
    if (this.zoom > 0) this.move(-1, 0);
    else if (this.current > 0) this.show(this.current - 1);
  }

  override _handleRight() {
    if (this.zoom > 0) this.move(1, 0);
    else if (this.current < this.images.length - 1) this.show(this.current + 1);
  }

  override _handleUp() {
    if (this.zoom > 0) this.move(0, -1);
  }

  override _handleDown() {
    if (this.zoom > 0) this.move(0, 1);
  }
}
