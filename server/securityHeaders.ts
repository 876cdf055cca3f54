/**
 * Security headers on every answer (@fastify/helmet): nosniff, no framing, no referrer, and a
 * Content-Security-Policy that lets the TV app do what it does and no more. The app page's
 * inline loader is allowed by its hash (taken from the built page, so a rebuild needs no edit).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyHelmet from '@fastify/helmet';

/** The CSP hash sources of the page's inline scripts (the ES3 loader). */
export const inlineScriptHashes = (html: string): string[] =>
  [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
    (m) => `'sha256-${createHash('sha256').update(m[1]!, 'utf8').digest('base64')}'`,
  );

/** The feed's origin when settings.json points boxes at another host (a CDN), else none. */
const feedOrigin = (feedUrl: unknown): string[] => {
  try {
    return typeof feedUrl === 'string' && /^https?:\/\//.test(feedUrl) ? [new URL(feedUrl).origin] : [];
  } catch {
    return [];
  }
};

export const contentSecurityPolicy = (appDir: string, feedUrl: unknown): Record<string, string[]> => {
  const feed = feedOrigin(feedUrl);
  return {
    'default-src': ["'self'"],
    // 'unsafe-inline' is only for engines that know no hashes (CSP 1, old WebKit): an engine that
    // knows hashes ignores it when a hash is listed. 'unsafe-eval': Lightning compiles its
    // templates and state routers with new Function, and the loader probes syntax with it.
    'script-src': [
      "'self'",
      ...inlineScriptHashes(readFileSync(join(appDir, 'index.html'), 'utf8')),
      "'unsafe-inline'",
      "'unsafe-eval'",
    ],
    // The page's own <style>, and the @font-face rule the old-engine font loader adds (cssFontLoader.ts).
    'style-src': ["'self'", "'unsafe-inline'"],
    // data: is the page's empty favicon; blob: images are Lightning's texture sources.
    'img-src': ["'self'", 'data:', 'blob:', ...feed],
    'font-src': ["'self'", ...feed],
    'connect-src': ["'self'", ...feed],
    'media-src': ["'self'", 'blob:', ...feed],
    // The signature check's verify.js; child-src for engines that predate worker-src.
    'worker-src': ["'self'"],
    'child-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-ancestors': ["'none'"],
  };
};

export const registerSecurityHeaders = async (app: FastifyInstance, directives: Record<string, string[]>) => {
  await app.register(fastifyHelmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // TLS is the proxy's in front (docs/deployment.md); boxes on plain HTTP would ignore it anyway.
    strictTransportSecurity: false,
    // Feed files and media may be read from another origin (an app served by a CDN).
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    crossOriginOpenerPolicy: false,
  });
};
