/** A ledger month: its totals in words and figures, then every entry; OK opens the voucher. */
import { text } from '../components/text';
import type { MonthModel } from '../data/models';
import { t } from '../../i18n';
import { COLOR, SAFE, TYPE } from '../theme';
import { ListPage } from './ListPage';

const BOX_W = (SAFE.w - 3 * 24) / 4;

export class MonthPage extends ListPage {
  static override _template() {
    const base = super._template();
    return {
      ...base,
      Totals: { x: SAFE.x, y: 186 },
      List: { ...base.List, y: 372 },
      Notes: { ...base.Notes, y: 318 },
    };
  }

  protected override visibleRows(): number {
    return 5;
  }

  set month(model: MonthModel) {
    this.setChrome(model.crumbs, t('hint.list'));
    this.tag('Title').text.text = model.title;
    this.tag('Totals').children = model.totals.map((total, i) => ({
      x: i * (BOX_W + 24),
      w: BOX_W,
      h: 126,
      rect: true,
      color: COLOR.panel,
      Label: { x: 24, y: 12, ...text(total.label, { size: TYPE.small, color: COLOR.textSecondary }) },
      Value: { x: BOX_W - 24, y: 54, mountX: 1, ...text(total.value, { size: TYPE.title, color: total.color ?? COLOR.text, bold: true, align: 'right' }) },
    }));
    const notes = this.tag('Notes');
    notes.text.text = model.notes.join('  ');
    notes.text.textColor = COLOR.warning;
    this.showRows(model.rows, model.emptyText);
  }
}
