/** A page that only says something: the household channels before the box is bound. */
import { text } from '../components/text';
import type { MessageModel } from '../data/models';
import { t } from '../../i18n';
import { COLOR, lineOf, px, SAFE, TYPE } from '../theme';
import { Page } from './Page';

export class MessagePage extends Page {
  static override _template() {
    return {
      ...super._template(),
      Title: { x: SAFE.x, y: px(240), ...text('', { size: TYPE.heading, bold: true, width: SAFE.w, maxLines: 2 }) },
      Body: {
        x: SAFE.x,
        y: px(240) + 2 * lineOf(TYPE.heading) + px(24),
        ...text('', { size: TYPE.body, color: COLOR.textSecondary, width: SAFE.w }),
      },
    };
  }

  set message(model: MessageModel) {
    this.setChrome(model.crumbs, t('hint.back'));
    this.tag('Title').text.text = model.title;
    this.tag('Body').text.text = model.body;
  }
}
