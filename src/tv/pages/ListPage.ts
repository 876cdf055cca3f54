/** A sub-channel's items as a list: OK opens the focused one, channel ± pages the list. */
import { Router, type Lightning } from '@lightningjs/sdk';
import { contentBottom, contentTop } from '../components/Chrome';
import { detached, drawAhead } from '../components/drawAhead';
import { FocusList } from '../components/FocusList';
import { ListRow, rowHeight } from '../components/ListRow';
import { positionLabel, positionTemplate, positionText } from '../components/position';
import { icon } from '../components/icon';
import { channelIconFile } from '../components/icons';
import { text } from '../components/text';
import type { ListModel, RowModel } from '../data/models';
import { t } from '../../i18n';
import { COLOR, lineOf, px, SAFE, TYPE } from '../theme';
import { Page } from './Page';

/** The header: title line, then one line of notes. */
export const notesTop = (): number => contentTop() + lineOf(TYPE.heading);
const listTop = (): number => notesTop() + lineOf(TYPE.small) + px(6);
/** The title's icon: its pictogram as tall as the title's letters, on their line. */
const titleIconSize = (): number => px(69);
const titleIconInset = (): number => Math.round((lineOf(TYPE.heading) - titleIconSize()) / 2) + px(3);

export class ListPage extends Page {
  protected rows: RowModel[] = [];
  /** The screen OK opens from a row, built detached so it can be drawn ahead; set by the route. */
  opensAhead: ((row: RowModel) => Lightning.Element | null) | null = null;

  static override _template() {
    return {
      ...super._template(),
      // A sub-channel's list shows that sub-channel's icon before its name, as its home tile does.
      TitleIcon: { x: SAFE.x, y: contentTop() + titleIconInset(), visible: false },
      Title: { x: SAFE.x, y: contentTop(), ...text('', { size: TYPE.heading, width: SAFE.w - px(480), maxLines: 1 }) },
      Notes: {
        x: SAFE.x,
        y: notesTop(),
        ...text('', { size: TYPE.small, color: COLOR.textSecondary, width: SAFE.w, maxLines: 1 }),
      },
      List: { type: FocusList, x: SAFE.x, y: listTop(), signals: { indexChanged: 'onIndexChanged' } },
      Position: positionTemplate(),
      Empty: {
        x: 960,
        y: 560,
        mountX: 0.5,
        visible: false,
        ...text('', { size: TYPE.title, color: COLOR.textSecondary }),
      },
    };
  }

  override _init() {
    this.list.configure(ListRow, rowHeight(), Math.max(1, Math.floor((contentBottom() - this.list.y) / rowHeight())));
  }

  protected get list(): FocusList<RowModel> {
    return this.tag('List') as FocusList<RowModel>;
  }

  protected showRows(rows: RowModel[], emptyText: string): void {
    // Filled again after a feed update: the focus stays on the same item, wherever it moved.
    const focused = this.rows.length ? this.list.current : undefined;
    const moved = focused?.target ? rows.findIndex((r) => r.target === focused.target) : -1;
    const index = moved >= 0 ? moved : undefined;
    this.rows = rows;
    this.list.setItems(rows, index);
    this.tag('Empty').patch({ visible: rows.length === 0, text: { text: emptyText } });
    if (!rows.length) this.tag('Position').text.text = '';
  }

  set model(model: ListModel) {
    this.setChrome(model.crumbs, t('hint.list'));
    const withIcon = model.channel !== undefined;
    if (model.channel !== undefined)
      this.tag('TitleIcon').patch({
        visible: true,
        ...icon(channelIconFile(model.channel), titleIconSize(), COLOR.text),
      });
    const shift = withIcon ? titleIconSize() + px(18) : 0;
    this.tag('Title').patch({
      x: SAFE.x + shift,
      text: { text: model.title, wordWrapWidth: SAFE.w - px(480) - shift },
    });
    const notes = this.tag('Notes');
    notes.text.text = model.notes.map((n) => n.text).join('  ');
    notes.text.textColor = model.notes[0]?.color ?? COLOR.textSecondary;
    this.showRows(model.rows, model.emptyText);
  }

  onIndexChanged(index: number, count: number) {
    this.tag('Position').text.text = positionLabel(index, count);
    // While the remote rests: the next screenful of rows, what OK would open, and the
    // position line after ↑, ↓ and channel ± (drawn anew on every move).
    drawAhead(this, () => {
      const current = this.list.current;
      const rows = this.list.nextScreen.map((row) => detached(this, ListRow, (element) => (element.item = row)));
      const page = this.list.pageSize;
      const next = new Set(
        [index - 1, index + 1, index - page, index + page].map((i) => Math.max(0, Math.min(count - 1, i))),
      );
      next.delete(index);
      const positions = [...next].map((i) => this.stage.c(positionText(positionLabel(i, count))));
      return [...rows, current && this.opensAhead ? this.opensAhead(current) : null, ...positions];
    });
  }

  override historyState(state?: { index: number }) {
    if (state) {
      this.list.restore(state.index);
      return undefined;
    }
    return { index: this.list.index };
  }

  override _handleEnter() {
    const target = this.list.current?.target;
    if (target) Router.navigate(target);
  }

  override _getFocused() {
    return this.list;
  }
}
