/**
 * The one walk over a JSON value: every string, every number and every object key, with its
 * JSON Pointer path (/vouchers/3/summary). The privacy and amount rules, the font subsetter
 * and the font coverage test all read feed content through it.
 */
export type JsonLeaf =
  { kind: 'string' | 'key'; value: string; path: string } | { kind: 'number'; value: number; path: string };

export const walkJson = (value: unknown, visit: (leaf: JsonLeaf) => void, path = ''): void => {
  if (typeof value === 'string') visit({ kind: 'string', value, path });
  else if (typeof value === 'number') visit({ kind: 'number', value, path });
  else if (Array.isArray(value)) value.forEach((v, i) => walkJson(v, visit, `${path}/${i}`));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      visit({ kind: 'key', value: key, path: `${path}/${key}` });
      walkJson(v, visit, `${path}/${key}`);
    }
  }
};

/** Every string value (not keys) of a JSON value, in document order. */
export const jsonStrings = (value: unknown): string[] => {
  const strings: string[] = [];
  walkJson(value, (leaf) => leaf.kind === 'string' && strings.push(leaf.value));
  return strings;
};
