/** A page that only says something: the household channels before the box is bound. */
import { text } from '../components/text';
import type { MessageModel } from '../data/models';
import { t } from '../../i18n';
import { COLOR, SAFE, TYPE } from '../theme';
import { Page } from './Page';

export class MessagePage extends Page {
  static override _template() {
    return {
      ...super._template(),
      Title: { x: SAFE.x, y: 300, ...text('', { size: TYPE.heading, bold: true, width: SAFE.w }) },
      Body: { x: SAFE.x, y: 420, ...text('', { size: TYPE.body, color: COLOR.textSecondary, width: 1400 }) },
    };
  }

  set message(model: MessageModel) {
    this.setChrome(model.crumbs, t('hint.back'));
    this.tag('Title').text.text = model.title;
    this.tag('Body').text.text = model.body;
  }
}
