/**
 * 建言献策 (from 25): the topics the village keeps; OK on one asks once, then sends it through
 * the outbox. No typing: the topic is the suggestion, and the village follows up in person or
 * through 20 村民问答.
 */
import { Router } from '@lightningjs/sdk';
import { removeDialog, showDialog } from '../components/Dialog';
import { refocus } from '../components/refocus';
import { t } from '../../i18n';
import type { OutboxEntry, Outcome } from '../household/outbox';
import { refusalNotice } from '../voice/questions';
import { presentSuggestions } from '../voice/suggestions';
import { ListPage } from './ListPage';

export interface SuggestionBoard {
  topics: string[] | null;
  pending: () => readonly OutboxEntry[];
  send: (topic: string) => Promise<Outcome[]>;
}

export class SuggestPage extends ListPage {
  private suggestionBoard: SuggestionBoard | null = null;
  private sent = new Set<string>();
  private refusal: string | null = null;
  /** The topic waiting for the villager's confirmation, while the dialog is up. */
  private confirming: string | null = null;

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
    this.confirming = topic;
    showDialog(
      this,
      { confirmed: 'confirmed', cancelled: 'closeDialog' },
      t('suggest.confirm', { topic }),
      t('suggest.confirm.yes'),
      t('help.confirm.no'),
    );
    refocus(this);
  }

  confirmed(): void {
    const topic = this.confirming;
    this.closeDialog();
    const board = this.suggestionBoard;
    if (!topic || !board) return;
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

  closeDialog(): void {
    this.confirming = null;
    removeDialog(this);
    refocus(this);
  }

  override _handleBack() {
    if (Router.getHistory().length) Router.back();
    else Router.navigate('home', { clearHistory: true }, false);
  }

  override _getFocused() {
    return this.tag('Dialog') ?? this.list;
  }
}
