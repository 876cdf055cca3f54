/** Photos one at a time, as large as the screen allows; Left/Right move through them. */
import { text } from '../components/text';
import type { GalleryModel } from '../data/models';
import { box } from '../context';
import { t } from '../../i18n';
import { COLOR, SAFE, TYPE } from '../theme';
import { Page } from './Page';

const VIEW = { y: 120, w: 1920, h: 1080 - 120 - 180 };

export class GalleryPage extends Page {
  private photos: GalleryModel['photos'] = [];
  private index = 0;

  static override _template() {
    return {
      ...super._template(),
      Photo: { x: 960, y: VIEW.y + VIEW.h / 2, mount: 0.5 },
      Caption: { x: SAFE.x, y: 1080 - 96 - 72, ...text('', { size: TYPE.body, width: SAFE.w - 240, maxLines: 1 }) },
      Position: { x: SAFE.x + SAFE.w, y: 1080 - 96 - 72, mountX: 1, ...text('', { size: TYPE.body, color: COLOR.textSecondary, align: 'right' }) },
    };
  }

  set gallery(model: GalleryModel) {
    this.photos = model.photos;
    this.setChrome(model.crumbs, t('hint.back'));
    this.show(Math.min(this.index, this.photos.length - 1));
  }

  private show(index: number): boolean {
    const photo = this.photos[index];
    if (!photo) return false;
    this.index = index;
    // Fit the view; a photo is never blown up past twice its pixels.
    const scale = Math.min(VIEW.w / photo.width, VIEW.h / photo.height, 2);
    this.tag('Photo').patch({ src: box().store.client.url(photo.src), w: photo.width * scale, h: photo.height * scale });
    this.tag('Caption').text.text = photo.caption;
    this.tag('Position').text.text = t('gallery.position', { index: index + 1, count: this.photos.length });
    return true;
  }

  override _handleLeft() {
    return this.show(this.index - 1);
  }

  override _handleRight() {
    return this.show(this.index + 1);
  }

  override historyState(state?: { index: number }) {
    if (state) {
      this.index = state.index;
      return undefined;
    }
    return { index: this.index };
  }
}
