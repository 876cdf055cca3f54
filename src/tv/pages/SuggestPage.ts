/**
 * 建言献策 (from 25): the topics the village keeps; OK on one asks once, then sends it through
 * the outbox. No typing: the topic is the suggestion, and the village follows up in person or
 * through 20 村民问答.
 */
import { t } from '../../i18n';
import type { OutboxEntry, Outcome } from '../household/outbox';
import { refusalNotice } from '../voice/questions';
import { presentSuggestions } from '../voice/suggestions';
import { ConfirmingListPage } from './ConfirmingListPage';

export interface SuggestionBoard {
  topics: string[] | null;
  pending: () => readonly OutboxEntry[];
  send: (topic: string) => Promise<Outcome[]>;
}

export class SuggestPage extends ConfirmingListPage<string> {
  private suggestionBoard: SuggestionBoard | null = null;
  private sent = new Set<string>();
  private refusal: string | null = null;

  set board(board: SuggestionBoard) {
    this.suggestionBoard = board;
    this.sent = new Set();
    this.refusal = null;
    this.render();
  }

  private render(): void {
    const board = this.suggestionBoard;
    if (!board) return;
    const index = this.list.index;
    const model = presentSuggestions(board.topics, {
      pending: board.pending(),
      sent: this.sent,
      refusal: this.refusal,
    });
    this.model = model;
    this.setChrome(model.crumbs, t('hint.suggest'));
    // Drawn again after each send: the focus stays on the topic just sent.
    if (index < model.rows.length) this.list.index = index;
  }

  override _handleEnter() {
    const topic = this.suggestionBoard?.topics?.[this.list.index];
    if (!topic) return;
    this.askToConfirm(topic, t('suggest.confirm', { topic }), t('suggest.confirm.yes'), t('help.confirm.no'));
  }

  protected send(topic: string): void {
    const board = this.suggestionBoard;
    if (!board) return;
    this.refusal = null;
    const sending = board.send(topic);
    this.render();
    void sending.then((outcomes) => {
      for (const outcome of outcomes.filter((o) => o.entry.kind === 'suggestion')) {
        if (outcome.result === 'delivered') this.sent.add(String(outcome.entry.body.topic));
        else this.refusal = refusalNotice(outcome);
      }
      this.render();
    });
  }
}
