/** Photos one at a time, as large as the screen allows; Left/Right move through them. */
import { text } from '../components/text';
import type { GalleryModel } from '../data/models';
import { box } from '../context';
import { t } from '../../i18n';
import { contentBottom, contentTop } from '../components/Chrome';
import { COLOR, lineOf, px, SAFE, TYPE } from '../theme';
import { Page } from './Page';

/** Where the caption line sits, and the photo's room above it. */
const captionY = () => contentBottom() - lineOf(TYPE.body) - px(12);
const view = () => ({ y: contentTop(), w: 1920, h: captionY() - contentTop() - px(12) });

export class GalleryPage extends Page {
  private photos: GalleryModel['photos'] = [];
  private index = 0;

  static override _template() {
    return {
      ...super._template(),
      Photo: { x: 960, y: view().y + view().h / 2, mount: 0.5 },
      Caption: { x: SAFE.x, y: captionY(), ...text('', { size: TYPE.body, width: SAFE.w - px(240), maxLines: 1 }) },
      Position: {
        x: SAFE.x + SAFE.w,
        y: captionY(),
        mountX: 1,
        ...text('', { size: TYPE.body, color: COLOR.textSecondary, align: 'right' }),
      },
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
    const { w, h } = view();
    const scale = Math.min(w / photo.width, h / photo.height, 2);
    this.tag('Photo').patch({
      src: box().store.client.url(photo.src),
      w: photo.width * scale,
      h: photo.height * scale,
    });
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
