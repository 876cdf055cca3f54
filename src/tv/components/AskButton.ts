/**
 * The visible 提问 button of a voucher and of an article: OK on it opens 我要提问 (the green key
 * does from anywhere on the page). It takes the focus look of every other focusable thing.
 */
import { Lightning } from '@lightningjs/sdk';
import { t } from '../../i18n';
import { COLOR, lineOf, px, TYPE } from '../theme';
import { focusLook, frame } from './focus';
import { text } from './text';

export const askButtonWidth = (): number => px(330);
/** As tall as a line of small text with a little room round it. */
export const askButtonHeight = (): number => lineOf(TYPE.small) + px(6);

export class AskButton extends Lightning.Component {
  static override _template() {
    const w = askButtonWidth();
    const h = askButtonHeight();
    return {
      w,
      h,
      rect: true,
      color: COLOR.panel,
      ...frame(w, h),
      Label: {
        x: w / 2,
        y: px(3),
        mountX: 0.5,
        ...text(t('ask.button'), { size: TYPE.small, width: w - px(24), align: 'center', maxLines: 1 }),
      },
    };
  }

  override _focus() {
    this.patch(focusLook(true));
  }

  override _unfocus() {
    this.patch(focusLook(false));
  }
}
