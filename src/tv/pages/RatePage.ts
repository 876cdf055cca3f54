/**
 * 满意度: the household rates the answer to its question, 5 (非常满意) to 1 (很不满意), with one OK;
 * the household's 25 then shows the rating, and the same row changes it.
 */
import { Router } from '@lightningjs/sdk';
import { t } from '../../i18n';
import { COLOR } from '../theme';
import { RATINGS, ratingWord } from '../voice/ratings';
import { ListPage } from './ListPage';

export interface RateModel {
  crumbs: string[];
  /** What was asked about. */
  about: string;
  /** The household's rating so far, if any. */
  current: number | null;
  send: (rating: number) => void;
}

/** Where the household's questions, their answers and ratings are shown. */
const MESSAGES_ROUTE = 'mine/list/25';

export class RatePage extends ListPage {
  private rate: RateModel | null = null;

  set rating(model: RateModel) {
    this.rate = model;
    this.setChrome([...model.crumbs, t('rate.title')], t('hint.ask'));
    this.tag('Title').text.text = t('rate.title');
    this.tag('Notes').text.text = t('rate.about', { about: model.about });
    this.showRows(
      RATINGS.map((rating) => ({
        title: ratingWord(rating),
        ...(rating === model.current ? { tag: t('rate.current'), tagColor: COLOR.income } : {}),
      })),
      '',
    );
  }

  override _handleEnter() {
    const rating = RATINGS[this.list.index];
    if (!this.rate || rating === undefined) return;
    this.rate.send(rating);
    Router.navigate(MESSAGES_ROUTE, {}, false);
  }
}
