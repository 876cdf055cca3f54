/**
 * How the box sends its help requests and reads their status. A request goes through the box's
 * outbox (household/outbox.ts): kept in storage before anything is sent, shown as 待发送 while
 * the network cannot carry it, and delivered once by its idempotency key, after a reboot too.
 */
import { isHelpKind, looksLikeHelpRequest, type HelpKind, type HelpRequestView } from '../../household/help';
import { postSigned } from '../household/boxRequest';
import type { BoxIdentity } from '../household/identity';
import type { Outbox, OutboxEntry, Outcome } from '../household/outbox';

/** Where help requests go, and their outbox entries' kind. */
export const HELP_PATH = '/box/help';
export const HELP_ENTRY_KIND = 'help';

export interface HelpChannel {
  identity: BoxIdentity;
  serviceUrl: string;
}

/** A help request still on the box. */
export interface WaitingHelp {
  kind: HelpKind;
  queuedAt: number;
}

/** Queues the request (kept in box storage at once) and tries to send what waits; resolves when that try is over. */
export const queueHelp = (outbox: Outbox, kind: HelpKind): Promise<Outcome[]> => {
  outbox.add(HELP_ENTRY_KIND, HELP_PATH, { kind });
  return outbox.flush();
};

const waitingOf = (entry: OutboxEntry): WaitingHelp | null =>
  entry.kind === HELP_ENTRY_KIND && isHelpKind(entry.body.kind)
    ? { kind: entry.body.kind, queuedAt: entry.queuedAt }
    : null;

/** The help requests the outbox still holds, oldest first. */
export const waitingHelp = (outbox: Outbox): WaitingHelp[] =>
  outbox.pending.map(waitingOf).filter((w): w is WaitingHelp => w !== null);

/** The household's recent requests, newest first; null when the service cannot say. */
export const readHelpStatus = async (channel: HelpChannel, now: number): Promise<HelpRequestView[] | null> => {
  try {
    const answer = await postSigned(channel.identity, channel.serviceUrl, '/box/help/status', {}, now);
    const requests = (answer.body as { requests?: unknown } | null)?.requests;
    if (answer.status !== 200 || !Array.isArray(requests)) return null;
    return requests.filter(looksLikeHelpRequest);
  } catch {
    return null;
  }
};
