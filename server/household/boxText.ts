/** What operators write for boxes to show (a poll, a village's suggestion topics) passes one check. */
import { findUnmaskedNumber } from '../../src/format/personalNumbers';
import type { Coverage } from '../content/fontCoverage';
import { OperatorError } from '../content/operatorError';

/** A text a box will show: no unmasked personal number, no character its font lacks. */
export const checkBoxText = (coverage: Coverage, field: string, text: string) => {
  if (findUnmaskedNumber(text))
    throw new OperatorError(
      422,
      `「${field}」含有完整的个人号码，必须打码`,
      `${field} contains a whole personal number; mask it`,
    );
  const missing = Array.from(text).find((ch) => !/\s/.test(ch) && !coverage(ch.codePointAt(0)!));
  if (missing)
    throw new OperatorError(
      422,
      `「${field}」中的「${missing}」机顶盒字体无法显示`,
      `${field}: the box's font cannot show ${missing}`,
    );
};
