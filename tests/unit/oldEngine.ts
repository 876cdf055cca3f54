/**
 * A sandbox shaped like the oldest engines the legacy bundle targets (Android 4.4's Chrome 30
 * WebView, Safari 9–10-generation WebKit middleware): a node:vm context from which every
 * global and built-in method those engines lack is removed, with a small fake DOM. Scripts
 * evaluated here fail as they would on a box: a ReferenceError for BigInt, a TypeError for
 * document.fonts.add. Errors thrown in timers, promise jobs and event handlers are collected.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInContext, createContext, type Context } from 'node:vm';

/** Globals the target engines lack and that cannot be polyfilled, or that the bundle must not rely on. */
export const MISSING_GLOBALS = [
  'BigInt',
  'BigInt64Array',
  'BigUint64Array',
  'Proxy',
  'Reflect',
  'WeakRef',
  'FinalizationRegistry',
  'SharedArrayBuffer',
  'Atomics',
  'WebAssembly',
  'globalThis',
  'queueMicrotask',
  'structuredClone',
  'TextEncoder',
  'TextDecoder',
  'AbortController',
  'AbortSignal',
  'fetch',
  'Headers',
  'Request',
  'Response',
  'FontFaceSet',
];

/**
 * ES2015+ built-ins and methods that Chrome 30 lacks: they must come from the bundle's own
 * polyfills (core-js), never from the engine.
 */
const MISSING_BUILT_INS = [
  'Promise',
  'Map',
  'Set',
  'WeakMap',
  'WeakSet',
  // Symbol (and Object.getOwnPropertySymbols) stay: V8 keeps using its own symbols underneath, so a polyfilled Symbol beside them
  // would test the sandbox, not the bundle (Safari 9 has Symbol; core-js covers Chrome 30).
  'URL',
  'URLSearchParams',
  'Array.from',
  'Array.of',
  'Array.prototype.find',
  'Array.prototype.findIndex',
  'Array.prototype.fill',
  'Array.prototype.includes',
  'Array.prototype.flat',
  'Array.prototype.flatMap',
  'Array.prototype.at',
  'Object.assign',
  'Object.entries',
  'Object.values',
  'Object.fromEntries',
  'String.prototype.startsWith',
  'String.prototype.endsWith',
  'String.prototype.includes',
  'String.prototype.repeat',
  'String.prototype.padStart',
  'String.prototype.padEnd',
  'String.prototype.trimStart',
  'String.prototype.trimEnd',
  'String.prototype.replaceAll',
  'String.prototype.at',
  'Number.isInteger',
  'Number.isFinite',
  'Number.isNaN',
  'Math.trunc',
  'Math.sign',
  'Intl.Segmenter',
  'Intl.PluralRules',
  'Intl.RelativeTimeFormat',
  'Intl.ListFormat',
];

export interface Sandbox {
  context: Context;
  /** Uncaught errors and console.error calls, as text. */
  errors: string[];
  /** Runs a script file as the engine would (a script, not a module). */
  run(file: string, source?: string): void;
  /** Lets timers and promise jobs run for `ms` of sandbox time (timers run at once, in order). */
  settle(ms: number): Promise<void>;
  document: FakeDocument;
}

interface FakeNode {
  tagName: string;
  children: FakeNode[];
  attributes: Record<string, string>;
  style: Record<string, string>;
  textContent: string;
  appendChild(child: FakeNode): FakeNode;
  [key: string]: unknown;
}

export interface FakeDocument {
  getElementById(id: string): FakeNode | null;
  body: FakeNode;
  head: FakeNode;
  documentElement: FakeNode;
  [key: string]: unknown;
}

/** A 2D context that accepts every call and measures every text as 10 px a character. */
const context2d = (canvas: unknown) =>
  new Proxy(
    { canvas },
    {
      get: (target, key) => {
        if (key in target) return (target as Record<string | symbol, unknown>)[key];
        if (key === 'measureText') return (text: string) => ({ width: 10 * text.length });
        if (key === 'getImageData' || key === 'createImageData')
          return () => ({ data: new Uint8ClampedArray(4), width: 1, height: 1 });
        return () => undefined;
      },
      set: (target, key, value) => {
        (target as Record<string | symbol, unknown>)[key] = value;
        return true;
      },
    },
  );

export interface SandboxOptions {
  /** location.search of the page, e.g. '?bundle=legacy'. */
  search?: string;
  /** Answers the page's requests (XMLHttpRequest): the body, or null for 404. */
  serve?: (url: string) => string | null;
  /** The engine has the FontFace constructor (as Safari 10 does) but no document.fonts. */
  fontFace?: boolean;
  /** A worker scope: no DOM, no atob/btoa (old WebKit lacks them in workers). */
  worker?: boolean;
}

export const oldEngine = (options: SandboxOptions = {}): Sandbox => {
  const errors: string[] = [];
  const timers: { at: number; seq: number; fn: () => void }[] = [];
  let now = 0;
  let seq = 0;
  // The error and where it was thrown (errors of the sandbox are not this realm's Error).
  const report = (error: unknown) => {
    const { name, message, stack } = (error ?? {}) as Partial<Error>;
    const at = String(stack ?? '')
      .split('\n')
      .find((line) => /^\s+at /.test(line));
    errors.push(message === undefined ? String(error) : `${name}: ${message}${at ? ` (${at.trim()})` : ''}`);
    if (process.env.SANWU_SANDBOX_STACKS) console.log(stack);
  };
  const guarded = (fn: unknown, args: unknown[]) => () => {
    try {
      if (typeof fn === 'function') fn(...args);
    } catch (error) {
      report(error);
    }
  };

  const element = (tagName: string): FakeNode => {
    const node: FakeNode = {
      tagName: tagName.toUpperCase(),
      nodeName: tagName.toUpperCase(),
      nodeType: 1,
      children: [],
      childNodes: [] as FakeNode[],
      attributes: {},
      style: {},
      textContent: '',
      width: 300,
      height: 150,
      clientWidth: 1920,
      clientHeight: 1080,
      setAttribute(name: string, value: string) {
        node.attributes[name] = String(value);
      },
      getAttribute: (name: string) => node.attributes[name] ?? null,
      removeAttribute(name: string) {
        delete node.attributes[name];
      },
      appendChild(child: FakeNode) {
        node.children.push(child);
        (node.childNodes as FakeNode[]).push(child);
        child.parentNode = node;
        // Scripts and links "load" on the next turn with nothing in them: what they would run is tested on its own.
        if (child.tagName === 'SCRIPT' || child.tagName === 'LINK')
          setTimeoutFake(() => (typeof child.onerror === 'function' ? (child.onerror as () => void)() : undefined), 0);
        return child;
      },
      insertBefore(child: FakeNode) {
        return node.appendChild(child);
      },
      removeChild(child: FakeNode) {
        node.children = node.children.filter((c) => c !== child);
        return child;
      },
      addEventListener() {},
      removeEventListener() {},
      getBoundingClientRect: () => ({ left: 0, top: 0, right: 1920, bottom: 1080, width: 1920, height: 1080 }),
      getContext: (kind: string) => (kind === '2d' ? context2d(node) : null),
      focus() {},
      querySelector: () => null,
      querySelectorAll: () => [],
      getElementsByTagName: () => [],
    };
    return node;
  };

  const html = element('html');
  const head = element('head');
  const body = element('body');
  html.appendChild(head);
  html.appendChild(body);
  const all = (node: FakeNode): FakeNode[] => [node, ...node.children.flatMap(all)];
  const document: FakeDocument = {
    documentElement: html,
    head,
    body,
    readyState: 'complete',
    createElement: element,
    createElementNS: (_ns: string, tag: string) => element(tag),
    createTextNode: (text: string) => ({ ...element('#text'), textContent: text }),
    createDocumentFragment: () => element('#fragment'),
    getElementById: (id: string) => all(html).find((n) => n.id === id || n.attributes.id === id) ?? null,
    getElementsByTagName: (tag: string) => all(html).filter((n) => n.tagName === tag.toUpperCase()),
    querySelector: () => null,
    querySelectorAll: () => [],
    addEventListener() {},
    removeEventListener() {},
    // No document.fonts: Safari 10-generation WebKit and Chrome < 35 lack the FontFaceSet.
  };

  const setTimeoutFake = (fn: unknown, ms?: number, ...args: unknown[]) => {
    const id = ++seq;
    timers.push({ at: now + Math.max(0, Number(ms) || 0), seq: id, fn: guarded(fn, args) });
    return id;
  };
  const clearTimeoutFake = (id: number) => {
    const index = timers.findIndex((t) => t.seq === id);
    if (index >= 0) timers.splice(index, 1);
  };

  class FakeXhr {
    readyState = 0;
    status = 0;
    statusText = '';
    responseText = '';
    response: unknown = '';
    responseType = '';
    responseURL = '';
    withCredentials = false;
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    onreadystatechange: (() => void) | null = null;
    ontimeout: (() => void) | null = null;
    onabort: (() => void) | null = null;
    private url = '';
    open(_method: string, url: string) {
      this.url = url;
      this.readyState = 1;
    }
    setRequestHeader() {}
    overrideMimeType() {}
    getAllResponseHeaders() {
      return this.status === 200 ? 'content-type: application/json\r\n' : '';
    }
    getResponseHeader() {
      return null;
    }
    abort() {}
    send() {
      setTimeoutFake(() => {
        const body = options.serve?.(this.url) ?? null;
        this.status = body === null ? 404 : 200;
        this.statusText = body === null ? 'Not Found' : 'OK';
        this.responseText = body ?? '';
        this.response = this.responseText;
        this.responseURL = this.url;
        this.readyState = 4;
        this.onreadystatechange?.();
        this.onload?.();
      }, 1);
    }
  }

  const storage = new Map<string, string>();
  const location = {
    search: options.search ?? '',
    hash: '',
    href: `http://box.test/${options.search ?? ''}`,
    protocol: 'http:',
    host: 'box.test',
    hostname: 'box.test',
    port: '',
    pathname: '/',
    origin: 'http://box.test',
    reload() {},
    replace() {},
  };
  document.location = location;
  const base: Record<string, unknown> = {
    setTimeout: setTimeoutFake,
    clearTimeout: clearTimeoutFake,
    setInterval: (fn: unknown, ms?: number) => setTimeoutFake(fn, ms),
    clearInterval: clearTimeoutFake,
    console: { log() {}, info() {}, warn() {}, debug() {}, error: (...args: unknown[]) => args.forEach(report) },
    navigator: {
      // A Safari 10-generation WebKit: core-js reads V8's version from a Chrome user agent and would
      // replace the sandbox's own Symbol, which only a real Chrome 30 lacks.
      userAgent: 'Mozilla/5.0 (X11; Linux armv7l) AppleWebKit/602.1 (KHTML, like Gecko) Version/10.0 Safari/602.1',
      language: 'zh-CN',
      platform: 'Linux armv7l',
    },
    location,
    performance: { now: () => now },
  };
  if (!options.worker) {
    Object.assign(base, {
      document,
      history: { length: 1, back() {}, pushState() {}, replaceState() {} },
      localStorage: {
        getItem: (k: string) => storage.get(k) ?? null,
        setItem: (k: string, v: string) => void storage.set(k, String(v)),
        removeItem: (k: string) => void storage.delete(k),
        clear: () => storage.clear(),
        key: () => null,
        length: 0,
      },
      XMLHttpRequest: FakeXhr,
      Image: function Image(this: FakeNode) {
        return element('img');
      },
      HTMLCanvasElement: function HTMLCanvasElement() {},
      HTMLImageElement: function HTMLImageElement() {},
      ImageData: function ImageData() {},
      requestAnimationFrame: (fn: (t: number) => void) => setTimeoutFake(() => fn(now), 16),
      cancelAnimationFrame: clearTimeoutFake,
      addEventListener() {},
      removeEventListener() {},
      dispatchEvent() {},
      getComputedStyle: () => ({ getPropertyValue: () => '' }),
      innerWidth: 1920,
      innerHeight: 1080,
      devicePixelRatio: 1,
      atob: (text: string) => Buffer.from(text, 'base64').toString('binary'),
      btoa: (text: string) => Buffer.from(text, 'binary').toString('base64'),
      Blob: function Blob() {},
      FileReader: function FileReader() {},
      FormData: function FormData() {},
      ...(options.fontFace ? { FontFace: function FontFace() {} } : {}),
    });
  } else {
    base.postMessage = () => undefined;
  }

  const context = createContext(base);
  runInContext('this.window = this; this.self = this;', context);
  // What the old engines lack goes from the sandbox's own built-ins too.
  const removals = [...MISSING_GLOBALS, ...MISSING_BUILT_INS]
    .map((path) => {
      const parts = path.split('.');
      const owner = ['this', ...parts.slice(0, -1)].join('.');
      return `try { if (${owner}) delete ${owner}[${JSON.stringify(parts[parts.length - 1])}]; } catch (e) {}`;
    })
    .join('\n');
  runInContext(removals, context);

  const settle = async (ms: number) => {
    const until = now + ms;
    for (;;) {
      // Promise jobs (the polyfilled Promise runs them on timers; a native one on node's queue).
      await new Promise((resolve) => setImmediate(resolve));
      timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = timers[0];
      if (!next || next.at > until) break;
      timers.shift();
      now = Math.max(now, next.at);
      next.fn();
    }
    now = until;
  };

  return {
    context,
    errors,
    document,
    run(file, source) {
      try {
        runInContext(source ?? readFileSync(file, 'utf8'), context, { filename: file });
      } catch (error) {
        report(error);
      }
    },
    settle,
  };
};

export const DIST = process.env.SANWU_DIST ?? 'dist';
export const distFile = (name: string) => join(DIST, name);
