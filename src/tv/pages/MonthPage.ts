/** A ledger month: its totals in words and figures, then every entry; OK opens the voucher. */
import { edge } from '../components/focus';
import { text } from '../components/text';
import type { MonthModel } from '../data/models';
import { t } from '../../i18n';
import { COLOR, lineOf, px, SAFE, TYPE } from '../theme';
import { ListPage, notesTop } from './ListPage';

const BOX_W = (SAFE.w - 3 * 24) / 4;
/** Figures of up to ¥9,999,999.99 (about 6.4 em) fit their box even in large-text mode. */
const valueSize = () => Math.min(TYPE.title, Math.floor((BOX_W - 48) / 6.6));
const boxHeight = () => px(9) + lineOf(TYPE.small) + lineOf(valueSize());

export class MonthPage extends ListPage {
  static override _template() {
    const base = super._template();
    const notes = notesTop() + boxHeight() + px(6);
    return {
      ...base,
      Totals: { x: SAFE.x, y: notesTop() },
      Notes: { ...base.Notes, y: notes },
      List: { ...base.List, y: notes + lineOf(TYPE.small) + px(6) },
    };
  }

  set month(model: MonthModel) {
    this.setChrome(model.crumbs, t('hint.list'));
    this.tag('Title').text.text = model.title;
    this.tag('Totals').children = model.totals.map((total, i) => ({
      x: i * (BOX_W + 24),
      w: BOX_W,
      h: boxHeight(),
      rect: true,
      color: COLOR.panel,
      ...edge(BOX_W, boxHeight()),
      Label: { x: 24, y: px(6), ...text(total.label, { size: TYPE.small, color: COLOR.textSecondary }) },
      Value: {
        x: BOX_W - 24,
        y: px(6) + lineOf(TYPE.small),
        mountX: 1,
        ...text(total.value, { size: valueSize(), color: total.color ?? COLOR.text, bold: true, align: 'right' }),
      },
    }));
    const notes = this.tag('Notes');
    notes.text.text = model.notes.join('  ');
    notes.text.textColor = COLOR.warning;
    this.showRows(model.rows, model.emptyText);
  }
}
