/**
 * 一键求助 (blue key / B from any screen, or its row in 25): pick the kind, confirm once, then
 * the household's requests with their status, refreshed while the screen is open. An unbound
 * box is told to bind first, and how.
 */
import { Router } from '@lightningjs/sdk';
import { removeDialog, showDialog } from '../components/Dialog';
import { refocus } from '../components/refocus';
import { box } from '../context';
import { t } from '../../i18n';
import { helpDesk } from '../voice/helpDesk';
import { helpKindName, presentHelp, type HelpMode, type HelpScreen } from '../voice/helpView';
import type { HelpKind } from '../../household/help';
import { ListPage } from './ListPage';

export class HelpPage extends ListPage {
  private mode: HelpMode = 'pick';
  private screen: HelpScreen | null = null;
  /** The kind waiting for the villager's confirmation, while the dialog is up. */
  private confirming: HelpKind | null = null;

  /** Opens on the requests if one is still open, else on the kinds. */
  show(): void {
    this.mode = !box().household.bound ? 'unbound' : helpDesk.hasOpenRequest ? 'status' : 'pick';
    this.render();
  }

  private render(): void {
    if (this.mode !== 'unbound' && !box().household.bound) this.mode = 'unbound';
    const screen = presentHelp(this.mode, helpDesk);
    this.screen = screen;
    this.model = screen;
    this.setChrome(screen.crumbs, screen.hint);
  }

  private switchTo(mode: HelpMode): void {
    this.mode = mode;
    this.render();
    this.list.index = 0;
  }

  override _active() {
    helpDesk.watch(() => this.render());
  }

  override _inactive() {
    helpDesk.unwatch();
  }

  override _handleEnter() {
    const action = this.screen?.actions[this.list.index];
    if (!action || action.to === 'row') return super._handleEnter();
    if (action.to === 'pick') this.switchTo('pick');
    else if (action.to === 'retry') void helpDesk.retry();
    else if (action.to === 'confirm') this.ask(action.kind);
  }

  private ask(kind: HelpKind): void {
    this.confirming = kind;
    showDialog(
      this,
      { confirmed: 'confirmed', cancelled: 'closeDialog' },
      t('help.confirm', { kind: helpKindName(kind) }),
      t('help.confirm.yes'),
      t('help.confirm.no'),
    );
    refocus(this);
  }

  confirmed(): void {
    const kind = this.confirming;
    this.closeDialog();
    if (!kind) return;
    this.switchTo('status');
    void helpDesk.send(kind);
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
