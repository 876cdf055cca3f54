/**
 * First run: choose the street, then the village; the box remembers the choice. Rows lead to
 * the next step (pick/:street) and then to the village's choice (routePaths.ts), like any list's.
 */
import type { PickerModel } from '../data/models';
import { t } from '../../i18n';
import { ListPage } from './ListPage';

export class PickerPage extends ListPage {
  set picker(model: PickerModel) {
    this.setChrome([model.title], t('hint.picker'));
    this.tag('Title').text.text = model.step;
    this.tag('Notes').text.text = t('picker.remembered');
    this.showRows(model.rows, t('state.empty'));
  }
}
