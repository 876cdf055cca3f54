/**
 * A page about one item that a villager may ask about (我要提问): a 提问 button beside the
 * page's own OK action. Right moves to the button, Left back to the action, the green key
 * asks from anywhere on the page.
 */
import { Router } from '@lightningjs/sdk';
import { Page } from './Page';

export abstract class AskablePage extends Page {
  /** 我要提问 about this item, set by its route where the item can be asked about. */
  askTarget: string | undefined;
  private askFocused = false;

  /** Where OK leads when the 提问 button does not have the focus (photos, a receipt), if anywhere. */
  protected abstract get okTarget(): string | undefined;

  /** Shows the 提问 button when the item can be asked about; it takes OK when the page has nothing else to open. */
  protected showAskButton(): void {
    this.tag('Ask').visible = !!this.askTarget;
    this.askFocused = !!this.askTarget && !this.okTarget;
  }

  override _handleEnter() {
    if (this.askFocused && this.askTarget) Router.navigate(this.askTarget);
    else if (this.okTarget) Router.navigate(this.okTarget);
  }

  override _handleRight() {
    if (!this.askTarget || this.askFocused) return false;
    this.askFocused = true;
    this._refocus();
    return true;
  }

  override _handleLeft() {
    if (!this.askFocused || !this.okTarget) return false;
    this.askFocused = false;
    this._refocus();
    return true;
  }

  /** The green key: 我要提问 about this item. */
  _handleAsk() {
    if (!this.askTarget) return false;
    Router.navigate(this.askTarget);
    return true;
  }

  override _getFocused() {
    return this.askFocused ? this.tag('Ask') : this;
  }
}
