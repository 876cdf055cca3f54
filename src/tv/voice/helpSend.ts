/**
 * How the box sends its help requests and reads their status: one signed POST each
 * (household/boxRequest.ts). Kept behind these two functions so that sending can move to the
 * box's shared outbox (queued in storage, delivered once by its idempotency key) in one place.
 */
import { looksLikeHelpRequest, type HelpKind, type HelpRequestView } from '../../household/help';
import { newNonce } from '../../household/signedRequest';
import { postSigned } from '../household/boxRequest';
import type { BoxIdentity } from '../household/identity';

export type HelpAnswer =
  | { ok: true; request: HelpRequestView }
  /**
   * The service said no, in both languages (429: too many this hour; 403: not bound), or, with
   * status 0, could not be reached: nothing was stored, and the same key sent again is one request.
   */
  | { ok: false; status: number; zh: string; en: string };

export interface HelpChannel {
  identity: BoxIdentity;
  serviceUrl: string;
}

/** A new idempotency key for one request the villager confirmed. */
export const newHelpKey = (): string => newNonce();

const refusal = (status: number, body: unknown): HelpAnswer => {
  const error = (body as { error?: { zh?: string; en?: string } } | null)?.error;
  return { ok: false, status, zh: error?.zh ?? '', en: error?.en ?? '' };
};

export const sendHelp = async (channel: HelpChannel, kind: HelpKind, key: string, now: number): Promise<HelpAnswer> => {
  let answer;
  try {
    answer = await postSigned(channel.identity, channel.serviceUrl, '/box/help', { kind, key }, now);
  } catch {
    return { ok: false, status: 0, zh: '', en: '' };
  }
  if ((answer.status === 200 || answer.status === 201) && looksLikeHelpRequest(answer.body))
    return { ok: true, request: answer.body };
  return refusal(answer.status, answer.body);
};

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
