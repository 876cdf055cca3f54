/**
 * What every screen below home has: the breadcrumb that says where you are, and the
 * hint bar that says which keys work here.
 */
import { Lightning } from '@lightningjs/sdk';
import { COLOR, SAFE, TYPE } from '../theme';
import { text } from './text';

export class Chrome extends Lightning.Component {
  static override _template() {
    return {
      Crumbs: { x: SAFE.x, y: SAFE.y, ...text('', { size: TYPE.small, color: COLOR.textSecondary, width: SAFE.w, maxLines: 1 }) },
      Rule: { rect: true, x: SAFE.x, y: SAFE.y + 54, w: SAFE.w, h: 3, color: 0x66ffffff },
      HintBar: {
        rect: true,
        x: 0,
        y: 1080 - 96,
        w: 1920,
        h: 96,
        color: 0xcc06111d,
        Hint: { x: SAFE.x, y: 24, ...text('', { size: TYPE.small, color: COLOR.textSecondary, width: SAFE.w, maxLines: 1 }) },
      },
    };
  }

  set crumbs(crumbs: string[]) {
    this.tag('Crumbs').text.text = crumbs.join(' › ');
  }

  set hint(hint: string) {
    this.tag('HintBar.Hint').text.text = hint;
  }
}
