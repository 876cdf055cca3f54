/** The villager's-voice answers the console reads: the service's TypeBox schemas, as types only. */
import type { Static } from '@sinclair/typebox';
import type { ROUTE_SCHEMAS } from '../../../server/routes/schemas';
import type { QUESTION_SCHEMAS } from '../../../server/routes/questionSchemas';

export type HelpRequest = Static<(typeof ROUTE_SCHEMAS)['helpList']['response'][200]>[number];
export type Poll = Static<(typeof ROUTE_SCHEMAS)['polls']['response'][200]>[number];
export type Question = Static<(typeof QUESTION_SCHEMAS)['list']['response'][200]>[number];
export type AnsweredQuestion = Static<(typeof QUESTION_SCHEMAS)['answer']['response'][200]>;

/** A question still waiting for its answer (已收到 or 已受理). */
export const isOpenQuestion = (q: Question) => q.status === 'received' || q.status === 'accepted';

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

/** Whole minutes since `iso`, never below 0 (a PC clock a little behind the service's). */
export const minutesSince = (iso: string, now: number) => Math.max(0, Math.floor((now - Date.parse(iso)) / MINUTE_MS));
