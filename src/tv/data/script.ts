/**
 * Feed text in the villager's script. Operators publish in Simplified Chinese; a box set to
 * Traditional converts every feed string with OpenCC (Simplified → Taiwan standard, phrase
 * tables included, so 头发 → 頭髮 but 发展 → 發展). The tables are large (about 400 KB
 * gzipped), so they ship as a separate file, cn2tw.js, loaded only by Traditional boxes.
 */
type Convert = (text: string) => string;

let convert: Convert | null = null;
const converted = new WeakMap<object, unknown>();

export const setFeedConverter = (value: Convert | null): void => {
  convert = value;
};

/** Loads dist/cn2tw.js, which leaves its converter on window. */
export const loadTraditionalConverter = () =>
  new Promise<Convert>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = 'cn2tw.js';
    script.onload = () => {
      const found = (window as unknown as { sanwuCn2Tw?: Convert }).sanwuCn2Tw;
      if (found) resolve(found);
      else reject(new Error('cn2tw.js loaded without a converter'));
    };
    script.onerror = () => reject(new Error('cn2tw.js failed to load'));
    document.head.appendChild(script);
  });

/**
 * A feed value with every string in the box's script: a converted deep copy, made once per
 * feed object. Ids, paths and times are ASCII and pass through unchanged.
 */
export const inScript = <T>(value: T): T => {
  const to = convert;
  if (!to) return value;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return to(v);
    if (!v || typeof v !== 'object') return v;
    const cached = converted.get(v);
    if (cached) return cached;
    const out = Array.isArray(v) ? v.map(walk) : Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    converted.set(v, out);
    return out;
  };
  return walk(value) as T;
};
