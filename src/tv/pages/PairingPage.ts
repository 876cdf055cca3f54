/**
 * An unbound box's household section: the pairing code and the box's id in large text, read out
 * by the villager to the clerk. Nothing to press: the app leaves this page by itself once bound.
 */
import { text } from '../components/text';
import type { PairingModel } from '../data/models';
import { t } from '../../i18n';
import { contentTop } from '../components/Chrome';
import { COLOR, lineOf, px, SAFE, TYPE } from '../theme';
import { Page } from './Page';

/** The code is the page: as large as a TV's channel number, seen from across the room. */
const CODE_SIZE = 150;
/** The code's column ("042 917" at CODE_SIZE); what to do with it reads beside it, so large text still fits above the key hints. */
const CODE_COLUMN_W = 720;

export class PairingPage extends Page {
  static override _template() {
    const titleTop = contentTop();
    const labelTop = titleTop + lineOf(TYPE.heading) + px(30);
    const codeTop = labelTop + lineOf(TYPE.title);
    const identityTop = codeTop + lineOf(CODE_SIZE);
    const statusTop = identityTop + lineOf(TYPE.title) + px(6);
    return {
      ...super._template(),
      Title: { x: SAFE.x, y: titleTop, ...text('', { size: TYPE.heading, bold: true, width: SAFE.w, maxLines: 1 }) },
      CodeLabel: { x: SAFE.x, y: labelTop, ...text('', { size: TYPE.title, color: COLOR.textSecondary }) },
      Code: { x: SAFE.x, y: codeTop, ...text('', { size: CODE_SIZE, bold: true, color: COLOR.focus }) },
      Identity: { x: SAFE.x, y: identityTop, ...text('', { size: TYPE.title, width: SAFE.w, maxLines: 1 }) },
      Status: {
        x: SAFE.x,
        y: statusTop,
        ...text('', { size: TYPE.body, color: COLOR.textSecondary, width: SAFE.w, maxLines: 1 }),
      },
      Body: {
        x: SAFE.x + CODE_COLUMN_W,
        y: labelTop,
        ...text('', { size: TYPE.body, width: SAFE.w - CODE_COLUMN_W, maxLines: 4 }),
      },
    };
  }

  set pairing(model: PairingModel) {
    this.setChrome(model.crumbs, t('hint.back'));
    this.tag('Title').text.text = model.title;
    this.tag('CodeLabel').text.text = model.codeLabel;
    this.tag('Code').text.text = model.code;
    this.tag('Identity').text.text = model.identity;
    this.tag('Status').text.text = model.status;
    this.tag('Body').text.text = model.body;
  }
}
