/**
 * The village officials as photo cards: name, role, duty phone in full and duties. Roles break
 * only between words (never 委员 / 会主任, never inside （妇联主席）); OK opens everything.
 */
import { Lightning, Router } from '@lightningjs/sdk';
import { contentBottom, contentTop } from '../components/Chrome';
import { focusLook, frame } from '../components/focus';
import { refocus } from '../components/refocus';
import { text } from '../components/text';
import type { PeopleModel } from '../data/models';
import { box } from '../context';
import { t } from '../../i18n';
import { canvasMeasure, wrapTitle } from '../text/layout';
import { COLOR, currentLook, fontFaces, lineOf, px, SAFE, TYPE } from '../theme';
import { Page } from './Page';

const GAP = 24;
const PHOTO_W = 150;
const PHOTO_H = 200;
/** Four cards a row, three with large text so names and roles keep their room. */
const columns = () => (currentLook().largeText ? 3 : 4);
const cardW = () => Math.floor((SAFE.w - (columns() - 1) * GAP) / columns());
const sideW = () => cardW() - PHOTO_W - 54;
/** Beside the photo: name and up to three lines of role; below it, across the card: the phone, whole, then three lines of duties. */
const ROLE_LINES = 3;
const phoneTop = () => 18 + Math.max(PHOTO_H, lineOf(TYPE.title) + ROLE_LINES * lineOf(TYPE.small)) + 8;
const dutiesTop = () => phoneTop() + lineOf(TYPE.small) + 6;
const cardH = () => dutiesTop() + 3 * lineOf(TYPE.tiny) + 18;
const viewTop = () => contentTop() + lineOf(TYPE.heading) + px(12);

class PersonCard extends Lightning.Component {
  static override _template() {
    const x = PHOTO_W + 36;
    return {
      w: cardW(),
      h: cardH(),
      rect: true,
      color: COLOR.panel,
      ...frame(cardW(), cardH()),
      Photo: { x: 18, y: 18, w: PHOTO_W, h: PHOTO_H },
      Name: { x, y: 18, ...text('', { size: TYPE.title, bold: true, width: sideW(), maxLines: 1 }) },
      Role: {
        x,
        y: 18 + lineOf(TYPE.title),
        ...text('', { size: TYPE.small, color: COLOR.focus, width: sideW(), maxLines: ROLE_LINES }),
      },
      Phone: { x: 18, y: phoneTop(), ...text('', { size: TYPE.small, width: cardW() - 36, maxLines: 1 }) },
      Duties: { x: 18, y: dutiesTop(), ...text('', { size: TYPE.tiny, width: cardW() - 36, maxLines: 3 }) },
    };
  }

  set person(p: PeopleModel['people'][number]) {
    this.tag('Photo').src = box().store.client.url(p.photo);
    this.tag('Name').text.text = p.name;
    // Laid out here with the title rules; a little slack so Lightning's own wrap never re-breaks a line.
    this.tag('Role').text.text = wrapTitle(
      p.role,
      sideW() - 4,
      canvasMeasure(fontFaces().join(', '), TYPE.small),
      ROLE_LINES,
    ).lines.join('\n');
    this.tag('Phone').text.text = p.phone;
    this.tag('Duties').text.text = p.duties;
  }

  override _focus() {
    this.patch(focusLook(true));
  }

  override _unfocus() {
    this.patch(focusLook(false));
  }
}

export class PeoplePage extends Page {
  private index = 0;
  private topRow = 0;

  static override _template() {
    return {
      ...super._template(),
      Title: { x: SAFE.x, y: contentTop(), ...text('', { size: TYPE.heading, width: SAFE.w, maxLines: 1 }) },
      Cards: { x: SAFE.x, y: viewTop() },
    };
  }

  private targets: string[] = [];

  set people(model: PeopleModel) {
    this.setChrome(model.crumbs, t('hint.people'));
    this.targets = model.people.map((p) => p.target);
    this.tag('Title').text.text = model.title;
    this.tag('Cards').children = model.people.map((person, i) => ({
      type: PersonCard,
      ref: `Person-${i}`,
      x: (i % columns()) * (cardW() + GAP),
      person,
    }));
    this.select(Math.min(this.index, model.people.length - 1));
  }

  private get cards(): Lightning.Component[] {
    return this.tag('Cards').children;
  }

  private select(index: number): boolean {
    if (index < 0 || index >= this.cards.length) return false;
    this.index = index;
    // Whole rows only, scrolled so the focused card is on screen; the others are hidden.
    const rows = Math.max(1, Math.floor((contentBottom() - viewTop() + GAP) / (cardH() + GAP)));
    const row = Math.floor(index / columns());
    if (row < this.topRow) this.topRow = row;
    if (row >= this.topRow + rows) this.topRow = row - rows + 1;
    this.cards.forEach((card, i) => {
      const shown = Math.floor(i / columns()) - this.topRow;
      card.patch({ visible: shown >= 0 && shown < rows, y: shown * (cardH() + GAP) });
    });
    refocus(this);
    return true;
  }

  override _getFocused() {
    return this.cards[this.index];
  }

  override _handleLeft() {
    return this.index % columns() > 0 && this.select(this.index - 1);
  }

  override _handleRight() {
    return this.index % columns() < columns() - 1 && this.select(this.index + 1);
  }

  override _handleUp() {
    return this.select(this.index - columns());
  }

  override _handleDown() {
    return this.select(Math.min(this.index + columns(), this.cards.length - 1)) || true;
  }

  override _handleEnter() {
    const target = this.targets[this.index];
    if (target) Router.navigate(target);
  }

  override historyState(state?: { index: number }) {
    if (state) {
      this.index = state.index;
      if (this.cards.length) this.select(state.index);
      return undefined;
    }
    return { index: this.index };
  }
}
