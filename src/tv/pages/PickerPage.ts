/** First run: choose the street, then the village; the box remembers the choice. */
import { Router } from '@lightningjs/sdk';
import type { PickerModel } from '../data/models';
import { rememberVillage } from '../data/boxMemory';
import { box } from '../context';
import { t } from '../../i18n';
import { ListPage } from './ListPage';

const CHOOSE = 'choose/';

export class PickerPage extends ListPage {
  set picker(model: PickerModel) {
    this.setChrome([model.title], t('hint.picker'));
    this.tag('Title').text.text = model.step;
    this.tag('Notes').text.text = t('picker.remembered');
    this.showRows(model.rows, t('state.empty'));
  }

  override _handleEnter() {
    const target = this.list.current?.target;
    if (!target) return;
    if (!target.startsWith(CHOOSE)) {
      Router.navigate(target);
      return;
    }
    const village = target.slice(CHOOSE.length);
    rememberVillage(village);
    box().store.setVillage(village);
    Router.navigate('home', { clearHistory: true }, false);
  }
}
