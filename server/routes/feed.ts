/**
 * What boxes read. The manifest is small and revalidated on every poll (strong ETag,
 * 304 when unchanged); every other file is named by its hash and cached as immutable.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { MANIFEST_FILE, OBJECTS_DIR, objectPath, type Manifest } from '../../src/feed/manifest';
import { feedPaths } from '../../src/feed/paths';
import type { DistrictFeed } from '../../src/feed/schema';
import type { Service } from '../service';

// The manifest and the objects are sent as the bytes on disk; a name that is no object's is a 404, as a file server answers.
const FEED_SCHEMAS = {
  publicKey: { response: { 200: Type.Object({ alg: Type.String(), publicKey: Type.String() }) } },
  object: { params: Type.Object({ name: Type.String() }) },
};

/** While an alert is in force, boxes poll this many times as often. */
const ALERT_POLL_FACTOR = 4;

interface CachedManifest {
  mtimeMs: number;
  size: number;
  bytes: Buffer;
  etag: string;
  /** When the last alert of this version expires (epoch ms), 0 if it has none. */
  alertUntil: number;
}

/** The latest expiry among the district's alerts in a published manifest. */
const alertExpiry = (feedDir: string, manifest: Manifest): number => {
  const entry = manifest.files[feedPaths.district()];
  if (!entry) return 0;
  const district = JSON.parse(readFileSync(join(feedDir, objectPath(entry.sha256)), 'utf8')) as DistrictFeed;
  const alerts = district.channels.find((c) => c.kind === 'alerts');
  return alerts?.kind === 'alerts' ? Math.max(0, ...alerts.content.map((a) => Date.parse(a.expiresAt))) : 0;
};

/**
 * `pollSeconds`: what boxes are told to wait between polls (they add jitter so that
 * tens of thousands do not arrive together); shorter while an alert is in force.
 */
export const feedRoutes = (service: Service, pollSeconds: number) => async (plain: FastifyInstance) => {
  const app = plain.withTypeProvider<TypeBoxTypeProvider>();
  // Of the security headers, the one JSON needs: never sniffed as something else.
  app.addHook('onSend', async (_request, reply) => {
    reply.header('X-Content-Type-Options', 'nosniff');
  });
  let cached: CachedManifest | null = null;
  const manifest = (): CachedManifest => {
    const path = join(service.feedDir, MANIFEST_FILE);
    const stat = statSync(path);
    if (!cached || cached.mtimeMs !== stat.mtimeMs || cached.size !== stat.size) {
      const bytes = readFileSync(path);
      const alertUntil = alertExpiry(service.feedDir, JSON.parse(bytes.toString('utf8')) as Manifest);
      cached = {
        mtimeMs: stat.mtimeMs,
        size: stat.size,
        bytes,
        etag: `"${createHash('sha256').update(bytes).digest('hex')}"`,
        alertUntil,
      };
    }
    return cached;
  };

  app.get('/manifest.json', async (request, reply) => {
    // Nothing is published yet (a first start finishes its sample after it listens).
    if (!existsSync(join(service.feedDir, MANIFEST_FILE))) return reply.code(503).header('Retry-After', '5').send();
    const current = manifest();
    const interval =
      current.alertUntil > Date.now() ? Math.max(1, Math.round(pollSeconds / ALERT_POLL_FACTOR)) : pollSeconds;
    reply
      .header('ETag', current.etag)
      .header('Cache-Control', 'no-cache')
      .header('X-Poll-Interval', String(interval))
      .header('Vary', 'Accept-Encoding');
    if (request.headers['if-none-match'] === current.etag) return reply.code(304).send();
    return reply.type('application/json').send(current.bytes);
  });

  app.get('/public-key', { schema: FEED_SCHEMAS.publicKey }, async () => ({
    alg: 'Ed25519',
    publicKey: service.key.publicKeyBase64,
  }));

  // Objects are named by their hash: a strong ETag per encoding comes free, and the
  // .br/.gz twins written at publish time are sent as they are.
  app.get(`/${OBJECTS_DIR}/:name`, { schema: FEED_SCHEMAS.object }, async (request, reply) => {
    const sha256 = /^([0-9a-f]{64})\.json$/.exec(request.params.name)?.[1];
    if (!sha256) return reply.code(404).send();
    const accepted = String(request.headers['accept-encoding'] ?? '');
    const encoding = /\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gz' : null;
    const etag = `"${sha256}${encoding ? `-${encoding}` : ''}"`;
    reply
      .header('ETag', etag)
      .header('Cache-Control', 'public, max-age=31536000, immutable')
      .header('Vary', 'Accept-Encoding')
      .type('application/json');
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    const file = join(service.feedDir, OBJECTS_DIR, `${sha256}.json${encoding ? `.${encoding}` : ''}`);
    try {
      const bytes = await readFile(file);
      if (encoding) reply.header('Content-Encoding', encoding === 'br' ? 'br' : 'gzip');
      return reply.send(bytes);
    } catch {
      return reply.code(404).send();
    }
  });
  // A bound box's private files (server/household/sealing.ts): its index, revalidated at each
  // poll, and the files sealed to its key, immutable. Both name no household, and only that box
  // can open the files; a box with no index (unbound, revoked) gets a 404.
  app.get('/private/:name', { schema: FEED_SCHEMAS.object }, async (request, reply) => {
    const name = /^[0-9a-f]{64}\.json$/.exec(request.params.name)?.[0];
    if (!name) return reply.code(404).send();
    try {
      const bytes = await readFile(join(service.feedDir, 'private', name));
      const etag = `"${createHash('sha256').update(bytes).digest('hex')}"`;
      reply.header('ETag', etag).header('Cache-Control', 'no-cache').type('application/json');
      if (request.headers['if-none-match'] === etag) return reply.code(304).send();
      return reply.send(bytes);
    } catch {
      return reply.code(404).send();
    }
  });
  app.get('/private/objects/:name', { schema: FEED_SCHEMAS.object }, async (request, reply) => {
    const name = /^[0-9a-f]{64}\.bin$/.exec(request.params.name)?.[0];
    if (!name) return reply.code(404).send();
    try {
      const bytes = await readFile(join(service.feedDir, 'private', 'objects', name));
      return reply
        .header('Cache-Control', 'public, max-age=31536000, immutable')
        .type('application/octet-stream')
        .send(bytes);
    } catch {
      return reply.code(404).send();
    }
  });
  // Uploads are served as the type their bytes were checked to be, never sniffed as something else (HTML).
  await app.register(fastifyStatic, {
    root: service.mediaDir,
    prefix: '/media/',
    decorateReply: false,
    maxAge: '1d',
    etag: true,
    setHeaders: (res) => res.header('X-Content-Type-Options', 'nosniff'),
  });
};
