/**
 * The item schemas as the service checks pushes against them: every object refuses
 * properties it does not name, so nothing unknown (`"evil": "<img onerror=…>"`) is
 * stored or published. Boxes keep the lenient schemas, so a newer service's extra
 * field never breaks an older box.
 */
import type { TSchema } from '@sinclair/typebox';
import { ITEM_SCHEMAS } from '../../src/feed/schema';

type Node = TSchema & {
  type?: string;
  properties?: Record<string, TSchema>;
  items?: TSchema;
  anyOf?: TSchema[];
  patternProperties?: Record<string, TSchema>;
};

/** A copy of the schema with `additionalProperties: false` on each object (TypeBox's kind symbols are kept by the spread). */
const strict = (schema: TSchema): TSchema => {
  const node = schema as Node;
  const copy: Node = { ...node };
  if (node.type === 'object' && node.properties) {
    copy.properties = Object.fromEntries(Object.entries(node.properties).map(([key, value]) => [key, strict(value)]));
    copy.additionalProperties = false;
  }
  if (node.patternProperties)
    copy.patternProperties = Object.fromEntries(
      Object.entries(node.patternProperties).map(([key, value]) => [key, strict(value)]),
    );
  if (node.items) copy.items = strict(node.items);
  if (node.anyOf) copy.anyOf = node.anyOf.map(strict);
  return copy;
};

export const STRICT_ITEM_SCHEMAS = Object.fromEntries(
  Object.entries(ITEM_SCHEMAS).map(([kind, schema]) => [kind, strict(schema)]),
) as Record<keyof typeof ITEM_SCHEMAS, TSchema>;

/** Items are at most this deep (a ledger month: month → vouchers → voucher → receipts → receipt → field). */
export const MAX_ITEM_DEPTH = 8;

/** How deeply a JSON value nests, counted without recursion so that no depth overflows the stack. */
export const jsonDepth = (value: unknown): number => {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    deepest = Math.max(deepest, depth);
    if (node && typeof node === 'object') for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return deepest;
};
