/**
 * 我要提问: the villager picks a reason (金额有疑问 / 没看懂 / 和实际不符 / 其他), may add 请回电,
 * and confirms; nothing to type. Choosing a reason moves the focus to 确认提交, so a question is
 * three presses from the item (green key, OK, OK). An unbound box is offered its pairing page first.
 */
import { Router } from '@lightningjs/sdk';
import { QUESTION_REASONS, type QuestionReason } from '../../household/questions';
import { t, type MessageKey } from '../../i18n';
import { notices } from '../context';
import type { RowModel } from '../data/models';
import { COLOR } from '../theme';
import type { AskTopic } from '../voice/topics';
import { ListPage } from './ListPage';

export interface AskModel {
  topic: AskTopic;
  /** Whether the box is bound to a household: only then can it ask. */
  bound: boolean;
  /** Sends the question (through the box's outbox). */
  send: (reason: QuestionReason, callBack: boolean) => void;
}

const CALL_BACK_ROW = QUESTION_REASONS.length;
const SEND_ROW = CALL_BACK_ROW + 1;
/** Where the household's questions and their answers are shown. */
const MESSAGES_ROUTE = 'mine/list/25';

export class AskPage extends ListPage {
  private ask: AskModel | null = null;
  private reason: QuestionReason | null = null;
  private callBack = false;

  set question(model: AskModel) {
    this.ask = model;
    this.setChrome([...model.topic.crumbs, t('ask.title')], t('hint.ask'));
    this.tag('Title').text.text = t('ask.title');
    this.tag('Notes').text.text = model.bound ? t('ask.about', { about: model.topic.about }) : t('ask.unbound.title');
    this.showRows(this.rowsNow(), '');
  }

  private rowsNow(): RowModel[] {
    if (!this.ask?.bound)
      return [{ title: t('ask.unbound.bind'), detail: t('ask.unbound.detail'), target: 'household/25' }];
    return [
      ...QUESTION_REASONS.map((reason) => ({
        title: t(`ask.reason.${reason}` as MessageKey),
        ...(reason === this.reason ? { tag: t('ask.chosen'), tagColor: COLOR.focus } : {}),
      })),
      { title: t('ask.callBack'), detail: t('ask.callBack.detail'), switchOn: this.callBack },
      {
        title: t('ask.send'),
        detail: this.reason ? t('ask.send.detail') : t('ask.pickReason'),
      },
    ];
  }

  override _handleEnter() {
    const ask = this.ask;
    if (!ask?.bound) return super._handleEnter();
    const index = this.list.index;
    if (index < CALL_BACK_ROW) {
      this.reason = QUESTION_REASONS[index] ?? null;
      this.showRows(this.rowsNow(), '');
      this.list.index = SEND_ROW;
    } else if (index === CALL_BACK_ROW) {
      this.callBack = !this.callBack;
      this.showRows(this.rowsNow(), '');
    } else if (!this.reason) {
      notices.show(t('ask.pickReason'));
      this.list.index = 0;
    } else {
      ask.send(this.reason, this.callBack);
      // The household's 25 shows it (待发送, then its status); Back from there leads to the item.
      Router.navigate(MESSAGES_ROUTE, {}, false);
    }
  }
}
