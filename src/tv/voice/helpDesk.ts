/**
 * The box's side of 一键求助: the household's recent requests as the service last told them, those
 * still on the box (待发送, in the outbox), and why the last try did not go through. While the
 * help screen is open it looks every few seconds: it sends what waits, then asks for news, so
 * 待发送 turns to 已发送 once the network is back and 已发送 to 已收到 once the duty officer
 * acknowledges.
 */
import { looksLikeHelpRequest, type HelpKind, type HelpRequestView } from '../../household/help';
import { language } from '../../i18n';
import { appTimer } from '../appTimers';
import { box } from '../context';
import { inScript } from '../data/script';
import type { Outcome } from '../household/outbox';
import {
  HELP_ENTRY_KIND,
  queueHelp,
  readHelpStatus,
  waitingHelp,
  type HelpChannel,
  type WaitingHelp,
} from './helpSend';

/** How often the open help screen asks for news. */
const WATCH_MS = 3000;

export type HelpProblem = { kind: 'offline' } | { kind: 'tooMany' } | { kind: 'refused'; reason: string };

export class HelpDesk {
  requests: HelpRequestView[] = [];
  sending = false;
  problem: HelpProblem | null = null;
  private listener: (() => void) | null = null;
  private readonly timer = appTimer();

  /** Only a bound box with its keys can ask. */
  private channel(): HelpChannel | null {
    const { household } = box();
    const identity = household.identity;
    return identity && household.bound ? { identity, serviceUrl: household.serviceUrl } : null;
  }

  /** Confirmed but not yet delivered (kept on the box, also across a reboot), oldest first. */
  get waiting(): WaitingHelp[] {
    return waitingHelp(box().outbox);
  }

  get hasOpenRequest(): boolean {
    return this.waiting.length > 0 || this.requests.some((r) => r.status !== 'done');
  }

  /** Queues a request of `kind` on the box and tries to deliver it at once. */
  async send(kind: HelpKind): Promise<void> {
    if (!this.channel() || this.sending) return;
    await this.deliver(() => queueHelp(box().outbox, kind));
  }

  /** Tries now to deliver what waits (the villager's 重新发送; the watch does it by itself too). */
  async retry(): Promise<void> {
    if (!this.channel() || this.sending || !this.waiting.length) return;
    await this.deliver(() => box().outbox.flush());
  }

  /** `quietly`: the watch's own tries, which do not flash 正在发送 on screen every few seconds. */
  private async deliver(flush: () => Promise<Outcome[]>, quietly = false): Promise<void> {
    const before = JSON.stringify(this.problem);
    this.sending = true;
    if (!quietly) {
      this.problem = null;
      this.changed();
    }
    const outcomes = await flush();
    this.sending = false;
    if (quietly) this.problem = null;
    this.take(outcomes);
    if (this.waiting.length) this.problem = { kind: 'offline' };
    if (!quietly || outcomes.length || JSON.stringify(this.problem) !== before) this.changed();
  }

  /** What left the outbox: a delivered request joins the list; a refusal says why. */
  private take(outcomes: Outcome[]): void {
    for (const { entry, result, answer } of outcomes) {
      if (entry.kind !== HELP_ENTRY_KIND) continue;
      if (result === 'delivered' && looksLikeHelpRequest(answer.body)) {
        const request = answer.body;
        this.requests = [request, ...this.requests.filter((r) => r.id !== request.id)];
      } else if (result === 'refused') {
        const error = (answer.body as { error?: { zh?: string; en?: string } } | null)?.error;
        this.problem =
          answer.status === 429
            ? { kind: 'tooMany' }
            : { kind: 'refused', reason: language() === 'en' ? (error?.en ?? '') : inScript(error?.zh ?? '') };
      }
    }
  }

  /** Sends what waits, then asks the service for the household's requests; tells the listener if anything changed. */
  async refresh(): Promise<void> {
    const channel = this.channel();
    if (!channel) return;
    if (this.waiting.length && !this.sending) await this.deliver(() => box().outbox.flush(), true);
    const requests = await readHelpStatus(channel, box().now());
    if (!requests || JSON.stringify(requests) === JSON.stringify(this.requests)) return;
    this.requests = requests;
    this.changed();
  }

  /** Looks now and every few seconds, telling `listener` of news, until `unwatch`. */
  watch(listener: () => void): void {
    this.listener = listener;
    this.look();
  }

  unwatch(): void {
    this.listener = null;
    this.timer.stop();
  }

  private look(): void {
    void this.refresh().then(() => {
      if (this.listener) this.timer.start(WATCH_MS, () => this.look());
    });
  }

  private changed(): void {
    this.listener?.();
  }
}

export const helpDesk = new HelpDesk();
