/**
 * A request the operator must change: refused with a status, a reason in Chinese and English,
 * and the problems found, if any. Content rules throw it; the API's one error handler
 * (routes/errorHandler.ts) answers it as { error: { zh, en }, problems? } with its status.
 */
import type { OperatorProblem } from './messages';

export class OperatorError extends Error {
  constructor(
    readonly status: number,
    readonly zh: string,
    readonly en: string,
    readonly problems?: OperatorProblem[],
  ) {
    super(en);
  }
}

export const forbidden = () => new OperatorError(403, '您没有这项操作的权限', 'You are not allowed to do this here');
