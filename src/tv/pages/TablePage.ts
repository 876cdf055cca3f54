/** A table (a roster, the asset register, debts…): a header row and rows that scroll one by one. */
import { Lightning, Router } from '@lightningjs/sdk';
import { FocusList } from '../components/FocusList';
import { text } from '../components/text';
import type { TableModel } from '../data/models';
import { t } from '../../i18n';
import { contentBottom, contentTop } from '../components/Chrome';
import { focusLook, frame } from '../components/focus';
import { positionLabel, positionTemplate } from '../components/position';
import { COLOR, lineOf, px, SAFE, TYPE } from '../theme';
import { Page } from './Page';

const rowH = () => lineOf(TYPE.small) + px(32);
const notesTop = () => contentTop() + lineOf(TYPE.heading);
const headerTop = () => notesTop() + 2 * lineOf(TYPE.small) + px(22);
const headerH = () => lineOf(TYPE.small) + px(20);
const listTop = () => headerTop() + headerH() + px(12);

type Columns = TableModel['columns'];

const cells = (columns: Columns, values: string[], size: number, color: number) =>
  columns.reduce<{ x: number; patch: Record<string, unknown> }>(
    (acc, column, i) => {
      const right = column.align === 'right';
      acc.patch[`C${i}`] = {
        x: right ? acc.x + column.width - 24 : acc.x + 24,
        mountX: right ? 1 : 0,
        y: px(10),
        ...text(values[i] ?? '', {
          size,
          color,
          width: Math.max(column.width - 48, 24),
          maxLines: 1,
          align: right ? 'right' : 'left',
        }),
      };
      acc.x += column.width;
      return acc;
    },
    { x: 0, patch: {} },
  ).patch;

class TableRow extends Lightning.Component {
  static override _template() {
    return {
      w: SAFE.w,
      h: rowH() - 6,
      rect: true,
      color: COLOR.panel,
      ...frame(SAFE.w, rowH() - 6, 4),
      Cells: {},
    };
  }

  columns: Columns = [];

  set item(row: string[] | undefined) {
    this.visible = !!row;
    if (row) this.tag('Cells').children = [cells(this.columns, row, TYPE.small, COLOR.text)];
  }

  // The outline without the scale-up: a scaled row's cells would no longer line up with the header's.
  override _focus() {
    this.patch({ ...focusLook(true), smooth: { scale: 1 } });
  }

  override _unfocus() {
    this.patch(focusLook(false));
  }
}

export class TablePage extends Page {
  /** 我要提问 about a row (by its index), set by the route where the table can be asked about. */
  askRow: ((row: number) => string) | null = null;

  static override _template() {
    return {
      ...super._template(),
      Title: { x: SAFE.x, y: contentTop(), ...text('', { size: TYPE.heading, width: SAFE.w - px(420), maxLines: 1 }) },
      Position: positionTemplate(),
      Notes: {
        x: SAFE.x,
        y: notesTop(),
        ...text('', { size: TYPE.small, color: COLOR.warning, width: SAFE.w, maxLines: 2 }),
      },
      Header: { x: SAFE.x, y: headerTop(), w: SAFE.w, h: headerH(), rect: true, color: COLOR.header },
      List: { type: FocusList, x: SAFE.x, y: listTop(), signals: { indexChanged: 'onIndexChanged' } },
      Empty: {
        x: 960,
        y: 600,
        mountX: 0.5,
        visible: false,
        ...text(t('state.empty'), { size: TYPE.title, color: COLOR.textSecondary }),
      },
    };
  }

  private get list(): FocusList<string[]> {
    return this.tag('List') as FocusList<string[]>;
  }

  set table(model: TableModel) {
    this.setChrome(model.crumbs, this.askRow ? t('hint.tableAsk') : t('hint.table'));
    this.tag('Title').text.text = model.title;
    const notes = this.tag('Notes');
    notes.text.text = model.notes.map((n) => n.text).join('\n');
    notes.text.textColor = model.notes.find((n) => n.color)?.color ?? COLOR.textSecondary;
    this.tag('Header').children = [
      cells(
        model.columns,
        model.columns.map((c) => c.label),
        TYPE.small,
        COLOR.textSecondary,
      ),
    ];
    // Rows are created by the list; they learn the columns from their row type.
    const columns = model.columns;
    class Row extends TableRow {
      override columns = columns;
    }
    this.list.configure(Row, rowH(), Math.max(1, Math.floor((contentBottom() - listTop()) / rowH())));
    // Filled again after a feed update, the focus stays on the same row.
    this.list.setItems(model.rows);
    this.tag('Empty').visible = model.rows.length === 0;
  }

  onIndexChanged(index: number, count: number) {
    this.tag('Position').text.text = positionLabel(index, count);
  }

  override historyState(state?: { index: number }) {
    if (state) {
      this.list.restore(state.index);
      return undefined;
    }
    return { index: this.list.index };
  }

  override _getFocused() {
    return this.list;
  }

  /** OK on a row, or the green key: 我要提问 about that row. */
  override _handleEnter() {
    return this._handleAsk();
  }

  _handleAsk() {
    if (!this.askRow || !this.list.length) return false;
    Router.navigate(this.askRow(this.list.index));
    return true;
  }
}
