/**
 * A vertical list that creates only the rows on screen and reuses them while the
 * focus moves, so a ledger of 20,000 vouchers costs as many elements as one of 20.
 * Up/Down move one row, channel up/down a page; the focused row is never off screen.
 * Item i always lives in row element i mod (rows): scrolling by one moves the rows
 * and refills only the one that comes in, as each refill redraws its text textures.
 */
import { Lightning } from '@lightningjs/sdk';
import { refocus } from './refocus';

export interface RowComponent {
  item: unknown;
}

type RowType = new (...args: never[]) => Lightning.Component;

export class FocusList<Item> extends Lightning.Component {
  private items: Item[] = [];
  private focusIndex = 0;
  /** The index to take when items arrive: restored from history before the page is filled. */
  private wanted = 0;
  private top = 0;
  private rowType: RowType | null = null;
  private rowHeight = 100;
  private visibleRows = 1;
  /** The item each row element shows, by element index: rows keep theirs while in view. */
  private shown: (Item | undefined)[] = [];

  static override _template() {
    return { Rows: {} };
  }

  /** Sets the row component, its height and how many rows fit; call once before `items`. */
  configure(rowType: RowType, rowHeight: number, visibleRows: number): void {
    this.rowType = rowType;
    this.rowHeight = rowHeight;
    this.visibleRows = visibleRows;
    this.h = rowHeight * visibleRows;
  }

  /**
   * Shows `items`, focusing `index`; by default the row focused so far (a refill after a
   * feed update) or, on a new page, the one history restored.
   */
  setItems(items: Item[], index = this.items.length ? this.focusIndex : this.wanted): void {
    this.items = items;
    const rows = this.tag('Rows');
    const wanted = Math.min(this.visibleRows, items.length);
    if (rows.children.length !== wanted) {
      rows.children = Array.from({ length: wanted }, (_, i) => ({
        type: this.rowType,
        ref: `Row-${i}`,
        y: i * this.rowHeight,
      }));
    }
    this.top = 0;
    this.shown = [];
    this.focusIndex = -1;
    this.index = index;
  }

  /** Focus to come back to (history state): applied now, or when the items arrive. */
  restore(index: number): void {
    this.wanted = index;
    if (this.items.length) this.index = index;
  }

  get length(): number {
    return this.items.length;
  }

  get index(): number {
    return this.focusIndex;
  }

  set index(value: number) {
    const index = Math.max(0, Math.min(this.items.length - 1, value));
    if (index === this.focusIndex && this.items.length) return;
    this.focusIndex = index;
    // Keep the focused row on screen, scrolling by whole rows.
    if (index < this.top) this.top = index;
    if (index >= this.top + this.visibleRows) this.top = index - this.visibleRows + 1;
    this.top = Math.max(0, Math.min(this.top, this.items.length - this.visibleRows));
    const rows = this.tag('Rows').children as (Lightning.Component & RowComponent)[];
    for (let slot = 0; slot < rows.length; slot++) {
      const i = this.top + slot;
      const row = rows[i % rows.length]!;
      row.y = slot * this.rowHeight;
      if (this.shown[i % rows.length] !== this.items[i]) {
        this.shown[i % rows.length] = this.items[i];
        row.item = this.items[i];
      }
    }
    refocus(this);
    this.signal('indexChanged', this.focusIndex, this.items.length);
  }

  /** What channel − would bring on screen that is not on it now, to draw ahead while the list rests. */
  get nextScreen(): Item[] {
    return this.items.slice(this.top + this.visibleRows, this.focusIndex + this.visibleRows + 1);
  }

  /** How far channel ± moves the focus: the rows on screen. */
  get pageSize(): number {
    return this.visibleRows;
  }

  get current(): Item | undefined {
    return this.items[this.focusIndex];
  }

  override _getFocused() {
    const rows = this.tag('Rows').children;
    return rows.length ? rows[this.focusIndex % rows.length] : undefined;
  }

  override _handleUp() {
    if (this.focusIndex <= 0) return false;
    this.index = this.focusIndex - 1;
    return true;
  }

  override _handleDown() {
    if (this.focusIndex >= this.items.length - 1) return false;
    this.index = this.focusIndex + 1;
    return true;
  }

  _handleChannelUp() {
    if (this.focusIndex <= 0) return false;
    this.index = this.focusIndex - this.visibleRows;
    return true;
  }

  _handleChannelDown() {
    if (this.focusIndex >= this.items.length - 1) return false;
    this.index = this.focusIndex + this.visibleRows;
    return true;
  }
}
