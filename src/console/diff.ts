/**
 * What a draft changes against the published item, field by field: both bodies flattened to
 * their leaves (title, body[2], vouchers[3].amountFen…) and the leaves that differ listed.
 */
export interface Change {
  field: string;
  published: string | null;
  draft: string | null;
}

const flatten = (value: unknown, path: string, into: Map<string, string>): Map<string, string> => {
  if (Array.isArray(value)) value.forEach((v, i) => flatten(v, `${path}[${i}]`, into));
  else if (value && typeof value === 'object')
    for (const [key, v] of Object.entries(value)) flatten(v, path ? `${path}.${key}` : key, into);
  else if (value !== undefined && value !== null) into.set(path, String(value));
  return into;
};

/** Fields the service stamps itself (the id, when, which version): not what the operator changed. */
const STAMPED = /^(id|publishedAt|version|updatedAt)$/;

export const changes = (published: unknown, draft: unknown): Change[] => {
  const before = flatten(published, '', new Map());
  const after = flatten(draft, '', new Map());
  const fields = [...new Set([...before.keys(), ...after.keys()])].filter((f) => !STAMPED.test(f));
  return fields
    .filter((field) => before.get(field) !== after.get(field))
    .map((field) => ({ field, published: before.get(field) ?? null, draft: after.get(field) ?? null }));
};
