/** A sub-channel's items as a list: OK opens the focused one, channel ± pages the list. */
import { Router } from '@lightningjs/sdk';
import { FocusList } from '../components/FocusList';
import { ListRow, ROW_HEIGHT } from '../components/ListRow';
import { text } from '../components/text';
import type { ListModel, RowModel } from '../data/models';
import { t } from '../../i18n';
import { COLOR, SAFE, TYPE } from '../theme';
import { Page } from './Page';

const LIST_Y = 252;
const VISIBLE_ROWS = 6;

export class ListPage extends Page {
  private restoredIndex = 0;
  protected rows: RowModel[] = [];

  static override _template() {
    return {
      ...super._template(),
      Title: { x: SAFE.x, y: 96, ...text('', { size: TYPE.heading, width: SAFE.w - 480, maxLines: 1 }) },
      Notes: { x: SAFE.x, y: 186, ...text('', { size: TYPE.small, color: COLOR.textSecondary, width: SAFE.w, maxLines: 1 }) },
      List: { type: FocusList, x: SAFE.x, y: LIST_Y, signals: { indexChanged: 'onIndexChanged' } },
      Position: { x: SAFE.x + SAFE.w, y: 120, mountX: 1, ...text('', { size: TYPE.small, color: COLOR.textSecondary, align: 'right' }) },
      Empty: { x: 960, y: 560, mountX: 0.5, visible: false, ...text('', { size: TYPE.title, color: COLOR.textSecondary }) },
    };
  }

  override _init() {
    this.list.configure(ListRow, ROW_HEIGHT, this.visibleRows());
  }

  /** How many rows fit below this page's header. */
  protected visibleRows(): number {
    return VISIBLE_ROWS;
  }

  protected get list(): FocusList<RowModel> {
    return this.tag('List') as FocusList<RowModel>;
  }

  protected showRows(rows: RowModel[], emptyText: string): void {
    // Filled again after a feed update: the focus stays on the same item, wherever it moved.
    const focused = this.rows.length ? this.list.current : undefined;
    const moved = focused?.target ? rows.findIndex((r) => r.target === focused.target) : -1;
    const index = moved >= 0 ? moved : this.rows.length ? this.list.index : this.restoredIndex;
    this.rows = rows;
    this.list.setItems(rows, index);
    this.tag('Empty').patch({ visible: rows.length === 0, text: { text: emptyText } });
    if (!rows.length) this.tag('Position').text.text = '';
  }

  set model(model: ListModel) {
    this.setChrome(model.crumbs, t('hint.list'));
    this.tag('Title').text.text = model.title;
    const notes = this.tag('Notes');
    notes.text.text = model.notes.map((n) => n.text).join('  ');
    notes.text.textColor = model.notes[0]?.color ?? COLOR.textSecondary;
    this.showRows(model.rows, model.emptyText);
  }

  onIndexChanged(index: number, count: number) {
    this.tag('Position').text.text = t('list.position', { index: index + 1, count });
  }

  override historyState(state?: { index: number }) {
    if (state) {
      this.restoredIndex = state.index;
      if (this.list.length) this.list.index = state.index;
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
