/**
 * Everything a pushed item must satisfy before it can be stored as a draft: the feed
 * schema of its kind and the domain rules the schema cannot express.
 */
import { itemProblems } from '../../src/feed/validate';
import { walkJson } from '../../src/feed/jsonWalk';
import { findUnmaskedNumber, isPublicWorkPhoneField } from '../../src/format/personalNumbers';
import { SERVER_KINDS } from './kinds';
import type { ItemKind, RuleContext } from './kinds/serverKind';
import { describeProblem, ruleProblem, type OperatorProblem } from './messages';
import { problemPlace } from './problemPlace';
import { jsonDepth, MAX_ITEM_DEPTH, STRICT_ITEM_SCHEMAS } from './strictSchemas';

export type { ItemKind };

const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\+08:00$/;
const WHITESPACE = /\s/;

const UNMASKED: Record<'id' | 'mobile' | 'bank', [string, string]> = {
  id: [
    '含有完整的身份证号，必须打码（如 3707**********1234）',
    'contains a whole ID number; mask it (e.g. 3707**********1234)',
  ],
  mobile: [
    '含有完整的手机号，必须打码（如 138****5678）',
    'contains a whole mobile number; mask it (e.g. 138****5678)',
  ],
  bank: ['含有完整的银行卡号，必须打码（如 ****8901）', 'contains a whole bank card number; mask it (e.g. ****8901)'],
};

/**
 * The feed's own amounts are integer fen, named so (amountFen, openingFen): bounded, not personal.
 * A table's row keys are the operator's to name, so a column called cardFen is checked like any other.
 */
const isAmount = (path: string): boolean => /Fen$/.test(path) && !path.startsWith('/rows/');

const isRealTime = (text: string): boolean => {
  const m = ISO_TIME.exec(text);
  if (!m) return true; // the schema reports the format
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
  const date = new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!));
  return (
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === mo! - 1 &&
    date.getUTCDate() === d &&
    h! < 24 &&
    mi! < 60 &&
    s! < 60
  );
};

export { DEFAULT_MAX_VOUCHER_FEN } from './kinds/ledger';

export const checkItem = (
  kind: ItemKind,
  body: unknown,
  itemLabel: string,
  context: RuleContext,
): OperatorProblem[] => {
  if (jsonDepth(body) > MAX_ITEM_DEPTH)
    return [
      ruleProblem(
        itemLabel,
        '/',
        `嵌套太深（最多 ${MAX_ITEM_DEPTH} 层）`,
        `nests too deeply (at most ${MAX_ITEM_DEPTH} levels)`,
      ),
    ];
  const problems: OperatorProblem[] = itemProblems(STRICT_ITEM_SCHEMAS[kind], body).map((p) => {
    const where = problemPlace(body, itemLabel, p.path);
    return describeProblem(where.item, { ...p, path: where.field });
  });
  walkJson(body, ({ kind: leafKind, value: text, path }) => {
    if (leafKind !== 'string') return;
    const where = problemPlace(body, itemLabel, path);
    if (!isRealTime(text))
      problems.push(ruleProblem(where.item, where.field, '不是真实存在的日期', 'is not a real date'));
    const unmasked = findUnmaskedNumber(text);
    if (unmasked && !(unmasked.kind === 'mobile' && isPublicWorkPhoneField(kind, path)))
      problems.push(ruleProblem(where.item, where.field, ...UNMASKED[unmasked.kind]));
    const missing = [
      ...new Set(Array.from(text).filter((ch) => !WHITESPACE.test(ch) && !context.coverage(ch.codePointAt(0)!))),
    ];
    if (missing.length) {
      problems.push(
        ruleProblem(
          where.item,
          where.field,
          `有电视字体显示不了的字：${missing.join('')}`,
          `has characters the TV font cannot show: ${missing.join('')}`,
        ),
      );
    }
  });
  walkJson(body, ({ kind: leafKind, value, path }) => {
    if (leafKind === 'number' && Number.isInteger(value) && !Number.isSafeInteger(value)) {
      const where = problemPlace(body, itemLabel, path);
      problems.push(
        ruleProblem(where.item, where.field, '数字太大，无法准确保存', 'is too large a number to be kept exactly'),
      );
    }
  });
  // Numbers and keys too: a card number typed as a JSON number, or used as a key, is still a card number.
  walkJson(body, ({ kind: leafKind, value, path }) => {
    if (leafKind === 'string' || isAmount(path)) return;
    const unmasked = findUnmaskedNumber(String(value));
    const where = problemPlace(body, itemLabel, path);
    if (unmasked) problems.push(ruleProblem(where.item, where.field, ...UNMASKED[unmasked.kind]));
  });
  // What only this kind asks (a ledger month's vouchers and balance, a table's masked columns).
  problems.push(...SERVER_KINDS[kind].validate(body, itemLabel, context));
  return problems;
};
