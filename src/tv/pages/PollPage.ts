/**
 * One 民意调查: OK on an option picks it and moves the focus to 确认投票; OK there sends the vote
 * (through the box's outbox), and the option is marked as the household's. Another option and
 * 更改投票 change it until the poll closes. Once closed, the counts show as bars.
 */
import { t } from '../../i18n';
import { notices } from '../context';
import type { OutboxEntry } from '../household/outbox';
import { presentPoll, type BoxPoll, type PollScreen } from '../voice/polls';
import { ListPage } from './ListPage';

export interface PollModel {
  poll: BoxPoll;
  /** What the box still holds to send (a vote waits there as 待发送). */
  pending: () => readonly OutboxEntry[];
  /** Sends the household's vote. */
  vote: (choice: number) => void;
}

export class PollPage extends ListPage {
  private current: PollModel | null = null;
  private screen: PollScreen | null = null;
  /** The option picked, waiting for 确认投票. */
  private picked: number | null = null;

  set poll(model: PollModel) {
    // Filled again after a vote or a poll: a pick already confirmed is no longer pending.
    if (this.current?.poll.id !== model.poll.id || model.poll.state !== 'open') this.picked = null;
    this.current = model;
    this.render();
  }

  private render(): void {
    const model = this.current;
    if (!model) return;
    const screen = presentPoll(model.poll, this.picked, model.pending());
    this.screen = screen;
    this.setChrome(screen.crumbs, screen.hint);
    this.tag('Title').text.text = screen.title;
    const notes = this.tag('Notes');
    notes.text.text = screen.notes.map((n) => n.text).join('  ');
    notes.text.textColor = screen.notes[0]?.color ?? notes.text.textColor;
    this.showRows(screen.rows, '');
  }

  override _handleEnter() {
    const action = this.screen?.actions[this.list.index];
    const model = this.current;
    if (!action || !model) return;
    if (action.to === 'pick') {
      this.picked = action.choice;
      this.render();
      this.list.index = this.rows.length - 1;
    } else if (action.to === 'confirm') {
      if (this.picked === null) {
        notices.show(t('poll.pickFirst'));
        this.list.index = 0;
        return;
      }
      const choice = this.picked;
      model.vote(choice);
      this.picked = null;
      this.render();
      this.list.index = choice;
    }
  }
}
