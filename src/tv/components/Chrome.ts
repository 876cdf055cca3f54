/**
 * What every screen below home has: the breadcrumb that says where you are, and the
 * hint bar that says which keys work here.
 */
import { Lightning } from '@lightningjs/sdk';
import { t } from '../../i18n';
import { speechOn } from '../speech/state';
import { COLOR, lineOf, SAFE, TYPE } from '../theme';
import { keepDrawn, text } from './text';

/**
 * The hint bar: two lines of small text, the keys that work here and under them the feed's
 * status (offline, stale, update refused), so that neither ever covers the other, however
 * large the text and long the line; the bar reaches the screen's edge, its texts stay inside
 * the safe area.
 */
export const hintBarHeight = (): number => 12 + 2 * lineOf(TYPE.small) + 6 + (1080 - SAFE.y - SAFE.h);
/** Where its second line (the feed's status) sits: both lines inside the safe area. */
export const statusLineY = (): number => 1080 - hintBarHeight() + 12 + lineOf(TYPE.small);
/** Where a page's own content may start: below the breadcrumb and its rule. */
export const contentTop = (): number => SAFE.y + lineOf(TYPE.small) + 12;
/** Where a page's own content must end: above the hint bar. */
export const contentBottom = (): number => 1080 - hintBarHeight();

export class Chrome extends Lightning.Component {
  static override _template() {
    const bar = hintBarHeight();
    return {
      Crumbs: {
        x: SAFE.x,
        y: SAFE.y,
        ...text('', { size: TYPE.small, color: COLOR.textSecondary, width: SAFE.w, maxLines: 1 }),
      },
      Rule: { rect: true, x: SAFE.x, y: SAFE.y + lineOf(TYPE.small) + 6, w: SAFE.w, h: 3, color: COLOR.rule },
      HintBar: {
        rect: true,
        x: 0,
        y: 1080 - bar,
        w: 1920,
        h: bar,
        color: COLOR.bar,
        Hint: {
          x: SAFE.x,
          y: 12,
          ...text('', { size: TYPE.small, color: COLOR.textSecondary, width: SAFE.w, maxLines: 1 }),
        },
      },
    };
  }

  override _init() {
    // A page's hint is one of a few fixed lines.
    keepDrawn(this.tag('HintBar.Hint'));
  }

  set crumbs(crumbs: string[]) {
    this.tag('Crumbs').text.text = crumbs.join(' › ');
  }

  /** The page's keys, and the read-aloud key while read-aloud is on. */
  set hint(hint: string) {
    this.tag('HintBar.Hint').text.text = speechOn() ? `${hint} · ${t('hint.read')}` : hint;
  }
}
