/**
 * Lets a unit test load box modules that import the Lightning SDK, which is published for
 * bundlers: it imports directories (`./src/Router`), files without their extension and a JSON
 * file without an import attribute, all of which Node's ESM loader refuses. This hook resolves
 * them as rollup does, for the SDK's own files only. Box modules must then be imported
 * dynamically, through loadWithSdk().
 */
import { register } from 'node:module';

const hook = `
const fromSdk = (url) => !!url && (url.includes('/node_modules/@lightningjs/') || url.includes('/node_modules/@metrological/'));
export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (error) {
    if (!fromSdk(context.parentURL)) throw error;
    if (error.code === 'ERR_UNSUPPORTED_DIR_IMPORT') return next(specifier + '/index.js', context);
    if (error.code === 'ERR_MODULE_NOT_FOUND') return next(specifier + '.js', context);
    throw error;
  }
}
export async function load(url, context, next) {
  if (fromSdk(url) && url.endsWith('.json')) return next(url, { ...context, importAttributes: { type: 'json' } });
  return next(url, context);
}`;

/** localStorage as a browser keeps it, in memory: what the SDK's Storage writes to. */
class MemoryStorage {
  private readonly items = new Map<string, string>();
  get length(): number {
    return this.items.size;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, String(value));
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  clear(): void {
    this.items.clear();
  }
}

let registered = false;

type Globals = { window?: unknown; localStorage?: MemoryStorage };

/**
 * Imports box modules through `load`, then starts the SDK's Storage over an in-memory
 * localStorage. `window` is set only after the imports: Lightning reads it when loaded, to
 * tell a browser from Node, and would take Node for a browser. forgetBrowser() undoes it.
 */
export const loadWithSdk = async <T>(load: () => Promise<T>): Promise<{ modules: T; localStorage: MemoryStorage }> => {
  if (!registered) register(`data:text/javascript,${encodeURIComponent(hook)}`);
  registered = true;
  const global = globalThis as unknown as Globals;
  const localStorage = new MemoryStorage();
  global.localStorage = localStorage;
  const modules = await load();
  // The SDK's Launch starts its Storage; here the test does (that file has no types of its own).
  const storagePath: string = '@lightningjs/sdk/src/Storage/index.js';
  ((await import(storagePath)) as { initStorage(): void }).initStorage();
  global.window = globalThis;
  return { modules, localStorage };
};

export const forgetBrowser = (): void => {
  const global = globalThis as unknown as Globals;
  delete global.window;
  delete global.localStorage;
};
