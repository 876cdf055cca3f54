/**
 * A list whose OK asks once before it sends (一键求助, 建言献策): the choice waits while the
 * confirmation dialog is up, the dialog holds the focus, and Back leaves for the page before
 * (or home, for a page opened straight from a remote key).
 */
import { Router } from '@lightningjs/sdk';
import { removeDialog, showDialog } from '../components/Dialog';
import { refocus } from '../components/refocus';
import { ListPage } from './ListPage';

export abstract class ConfirmingListPage<Choice> extends ListPage {
  /** The choice waiting for the villager's confirmation, while the dialog is up. */
  private confirming: Choice | null = null;

  /** Shows the dialog for `choice`; its yes calls `confirmed` with it. */
  protected askToConfirm(choice: Choice, question: string, yes: string, no: string): void {
    this.confirming = choice;
    showDialog(this, { confirmed: 'confirmed', cancelled: 'closeDialog' }, question, yes, no);
    refocus(this);
  }

  /** What a confirmed choice does. */
  protected abstract send(choice: Choice): void;

  /** The dialog's yes (a signal, so public). */
  confirmed(): void {
    const choice = this.confirming;
    this.closeDialog();
    if (choice !== null) this.send(choice);
  }

  /** The dialog's no, and the close before a send (a signal, so public). */
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
