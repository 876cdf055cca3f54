/**
 * The box's side of 一键求助: the household's recent requests as the service last told them, the
 * one being sent, and why the last try failed. While the help screen is open it looks every few
 * seconds, so 已发送 turns to 已收到 on screen as soon as the duty officer acknowledges.
 */
import type { HelpKind, HelpRequestView } from '../../household/help';
import { language } from '../../i18n';
import { appTimer } from '../appTimers';
import { box } from '../context';
import { inScript } from '../data/script';
import { newHelpKey, readHelpStatus, sendHelp, type HelpChannel } from './helpSend';

/** How often the open help screen asks for news. */
const WATCH_MS = 3000;

export type HelpProblem = { kind: 'offline' } | { kind: 'tooMany' } | { kind: 'refused'; reason: string };

export class HelpDesk {
  requests: HelpRequestView[] = [];
  sending = false;
  problem: HelpProblem | null = null;
  /** Confirmed but not delivered: sent again with the same key, so the village gets it once. */
  pending: { kind: HelpKind; key: string } | null = null;
  private listener: (() => void) | null = null;
  private readonly timer = appTimer();

  /** Only a bound box with its keys can ask. */
  private channel(): HelpChannel | null {
    const { household } = box();
    const identity = household.identity;
    return identity && household.bound ? { identity, serviceUrl: household.serviceUrl } : null;
  }

  get hasOpenRequest(): boolean {
    return this.requests.some((r) => r.status !== 'done');
  }

  async send(kind: HelpKind): Promise<void> {
    const channel = this.channel();
    if (!channel || this.sending) return;
    if (this.pending?.kind !== kind) this.pending = { kind, key: newHelpKey() };
    this.sending = true;
    this.problem = null;
    this.changed();
    const answer = await sendHelp(channel, kind, this.pending.key, box().now());
    this.sending = false;
    if (answer.ok) {
      this.pending = null;
      this.requests = [answer.request, ...this.requests.filter((r) => r.id !== answer.request.id)];
    } else if (answer.status === 0) this.problem = { kind: 'offline' };
    else if (answer.status === 429) this.problem = { kind: 'tooMany' };
    else this.problem = { kind: 'refused', reason: language() === 'en' ? answer.en : inScript(answer.zh) };
    this.changed();
  }

  /** Asks the service for the household's requests; tells the listener if anything changed. */
  async refresh(): Promise<void> {
    const channel = this.channel();
    if (!channel) return;
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
