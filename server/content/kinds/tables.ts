/** Public tables: besides the schema, every value in a masked column must be masked. */
import { isMaskedValue } from '../../../src/format/personalNumbers';
import { ruleProblem, type OperatorProblem } from '../messages';
import { itemList } from './itemList';

const NOT_MASKED: [string, string] = [
  '是打码栏，只能填打码后的内容（如 王*国、3707**********1234、138****5678）',
  'is a masked column: only masked values (e.g. 王*国, 3707**********1234, 138****5678)',
];

/** Every value in a table's `masked` columns must be masked: a name as 王*国, a number as 3707**********1234. */
const maskedColumnProblems = (body: unknown, itemLabel: string): OperatorProblem[] => {
  const table = body as { columns?: unknown; rows?: unknown };
  if (!Array.isArray(table.columns) || !Array.isArray(table.rows)) return [];
  const maskedKeys = table.columns
    .filter((c) => (c as { type?: unknown })?.type === 'masked')
    .map((c) => String((c as { key?: unknown }).key));
  return table.rows.flatMap((row, index) =>
    maskedKeys
      .filter((key) => row && typeof row === 'object' && key in row)
      .filter((key) => {
        const value = (row as Record<string, unknown>)[key];
        return typeof value !== 'string' || !isMaskedValue(value);
      })
      .map((key) => ruleProblem(itemLabel, `/rows/${index}/${key}`, ...NOT_MASKED)),
  );
};

export const tables = itemList<'tables'>({ validate: maskedColumnProblems });
