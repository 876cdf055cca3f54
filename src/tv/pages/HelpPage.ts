/**
 * 一键求助 (blue key / B from any screen, or its row in 25): pick the kind, confirm once, then
 * the household's requests with their status, refreshed while the screen is open. An unbound
 * box is told to bind first, and how.
 */
import { box } from '../context';
import { t } from '../../i18n';
import { helpDesk } from '../voice/helpDesk';
import { helpKindName, presentHelp, type HelpMode, type HelpScreen } from '../voice/helpView';
import type { HelpKind } from '../../household/help';
import { ConfirmingListPage } from './ConfirmingListPage';

export class HelpPage extends ConfirmingListPage<HelpKind> {
  private mode: HelpMode = 'pick';
  private screen: HelpScreen | null = null;

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
    this.askToConfirm(
      kind,
      t('help.confirm', { kind: helpKindName(kind) }),
      t('help.confirm.yes'),
      t('help.confirm.no'),
    );
  }

  protected send(kind: HelpKind): void {
    this.switchTo('status');
    void helpDesk.send(kind);
  }
}
