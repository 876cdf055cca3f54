/** The village officials as photo cards: name, role, masked phone and duties. */
import { Lightning } from '@lightningjs/sdk';
import { refocus } from '../components/refocus';
import { text } from '../components/text';
import type { PeopleModel } from '../data/models';
import { box } from '../context';
import { t } from '../../i18n';
import { COLOR, FOCUS, SAFE, TYPE } from '../theme';
import { Page } from './Page';

const COLUMNS = 4;
const CARD_W = (SAFE.w - (COLUMNS - 1) * 24) / COLUMNS;
const CARD_H = 360;
const PHOTO_W = 150;
const PHOTO_H = 200;

class PersonCard extends Lightning.Component {
  static override _template() {
    return {
      w: CARD_W,
      h: CARD_H,
      rect: true,
      color: COLOR.panel,
      Outline: { alpha: 0, texture: Lightning.Tools.getRoundRect(CARD_W, CARD_H, 6, FOCUS.border, COLOR.focus, false) },
      Photo: { x: 18, y: 18, w: PHOTO_W, h: PHOTO_H },
      Name: { x: PHOTO_W + 36, y: 18, ...text('', { size: TYPE.title, bold: true, width: CARD_W - PHOTO_W - 54, maxLines: 1 }) },
      Role: { x: PHOTO_W + 36, y: 90, ...text('', { size: TYPE.small, color: COLOR.focus, width: CARD_W - PHOTO_W - 54, maxLines: 2 }) },
      Phone: { x: PHOTO_W + 36, y: 180, ...text('', { size: TYPE.small - 4, color: COLOR.textSecondary, width: CARD_W - PHOTO_W - 54, maxLines: 1 }) },
      Duties: { x: 18, y: 234, ...text('', { size: TYPE.small - 4, width: CARD_W - 36, maxLines: 3 }) },
    };
  }

  set person(p: PeopleModel['people'][number]) {
    this.tag('Photo').src = box().store.client.url(p.photo);
    this.tag('Name').text.text = p.name;
    this.tag('Role').text.text = p.role;
    this.tag('Phone').text.text = p.phone;
    this.tag('Duties').text.text = p.duties;
  }

  override _focus() {
    this.patch({ color: COLOR.panelFocused, Outline: { alpha: 1 } });
  }

  override _unfocus() {
    this.patch({ color: COLOR.panel, Outline: { alpha: 0 } });
  }
}

export class PeoplePage extends Page {
  private index = 0;

  static override _template() {
    return {
      ...super._template(),
      Title: { x: SAFE.x, y: 96, ...text('', { size: TYPE.heading }) },
      Viewport: { x: SAFE.x, y: 204, w: SAFE.w, h: 1080 - 204 - 108, clipping: true, Cards: {} },
    };
  }

  set people(model: PeopleModel) {
    this.setChrome(model.crumbs, t('hint.back'));
    this.tag('Title').text.text = model.title;
    this.tag('Viewport.Cards').children = model.people.map((person, i) => ({
      type: PersonCard,
      ref: `Person-${i}`,
      x: (i % COLUMNS) * (CARD_W + 24),
      y: Math.floor(i / COLUMNS) * (CARD_H + 24),
      person,
    }));
    this.select(Math.min(this.index, model.people.length - 1));
  }

  private get cards(): Lightning.Component[] {
    return this.tag('Viewport.Cards').children;
  }

  private select(index: number): boolean {
    if (index < 0 || index >= this.cards.length) return false;
    this.index = index;
    // Scroll by whole rows so the focused card is never off screen.
    const row = Math.floor(index / COLUMNS);
    this.tag('Viewport.Cards').setSmooth('y', -Math.max(0, row - 1) * (CARD_H + 24));
    refocus(this);
    return true;
  }

  override _getFocused() {
    return this.cards[this.index];
  }

  override _handleLeft() {
    return this.index % COLUMNS > 0 && this.select(this.index - 1);
  }

  override _handleRight() {
    return this.index % COLUMNS < COLUMNS - 1 && this.select(this.index + 1);
  }

  override _handleUp() {
    return this.select(this.index - COLUMNS);
  }

  override _handleDown() {
    return this.select(Math.min(this.index + COLUMNS, this.cards.length - 1)) || true;
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

