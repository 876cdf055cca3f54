/**
 * The console's TV preview, under /console/preview:
 * - /tv/: the TV app's own files (the same dist bundle boxes run), with settings of its own: the
 *   preview key as the key to trust, its storage apart from a real box's on the same browser
 *   (platform id), and no service to register with. It may be framed by the console only.
 * - /feed/<draft>/: the draft's preview feed (server/publish/preview.ts), only for a signed-in
 *   operator (the console's session cookie) who may read that draft, and never stored
 *   (Cache-Control: no-store). Boxes never see it: it is signed by a key they do not trust.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import { findSession } from '../auth/consoleLogins';
import type { Operator } from '../auth/operators';
import { OperatorError } from '../content/operatorError';
import { readItem } from '../content/reads';
import { getRevision, latestCompleteVersion } from '../content/repository';
import { whenNotBusy } from '../db/whenNotBusy';
import { buildPreviewFeed, loadPreviewKey, previewable, type PreviewFeed } from '../publish/preview';
import type { SigningKey } from '../publish/signing';
import { contentSecurityPolicy } from '../securityHeaders';
import type { Service } from '../service';
import { SESSION_COOKIE } from './consoleGuard';
import { fail } from './errors';
import { MANIFEST_FILE, OBJECTS_DIR } from '../../src/feed/manifest';

/** Previews kept assembled: an operator's manifest and the files it names are read within moments. */
const CACHED_PREVIEWS = 4;

const MEDIA_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  wav: 'audio/wav',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
};

const noSuchDraft = () => new OperatorError(404, '没有这份待发布的草稿', 'No such unpublished draft');

export const previewRoutes = (service: Service, appDir: string) => async (app: FastifyInstance) => {
  // Made on first use, not at start: a read-only data directory still starts and serves boxes.
  let key: SigningKey | null = null;
  const previewKey = () => {
    if (service.readOnly)
      throw new OperatorError(503, '数据目录只读，暂时不能预览', 'The data directory is read-only; no preview for now');
    return (key ??= loadPreviewKey(service.dataDir));
  };
  await app.register(previewFeed(service, previewKey), { prefix: '/feed' });
  await app.register(previewApp(appDir, previewKey), { prefix: '/tv' });
};

const previewFeed = (service: Service, previewKey: () => SigningKey) => async (app: FastifyInstance) => {
  const { db } = service;
  const operators = new WeakMap<FastifyRequest, Operator>();
  const cache = new Map<string, PreviewFeed>();

  app.addHook('onRequest', async (request, reply) => {
    reply.header('Cache-Control', 'no-store');
    const sessionId = request.cookies[SESSION_COOKIE];
    const session = sessionId ? findSession(db, sessionId) : null;
    if (!session) return fail(reply, 401, '请先登录管理页面再预览', 'Sign in to the console to see a preview');
    operators.set(request, session.operator);
  });

  /** The draft's preview, once the operator may read that draft (the same scope as its item page). */
  const previewOf = (request: FastifyRequest, draft: string): Promise<{ id: number; feed: PreviewFeed }> =>
    whenNotBusy(() => {
      const id = /^[1-9][0-9]{0,9}$/.test(draft) ? Number(draft) : 0;
      const revision = getRevision(db, id);
      if (!previewable(revision)) throw noSuchDraft();
      readItem(db, operators.get(request)!, {
        region: revision.region,
        channel: revision.channel,
        itemId: revision.item_id,
      });
      const cacheKey = `${id}@${latestCompleteVersion(db)}`;
      let feed = cache.get(cacheKey);
      if (!feed) {
        const built = buildPreviewFeed(db, id, previewKey());
        if (!built) throw noSuchDraft();
        feed = built;
        cache.set(cacheKey, feed);
        while (cache.size > CACHED_PREVIEWS) cache.delete(cache.keys().next().value!);
      }
      return { id, feed };
    });

  app.get<{ Params: { draft: string } }>(`/:draft/${MANIFEST_FILE}`, async (request, reply) => {
    const { feed } = await previewOf(request, request.params.draft);
    return reply.type('application/json').send(feed.manifest);
  });

  app.get<{ Params: { draft: string; name: string } }>(`/:draft/${OBJECTS_DIR}/:name`, async (request, reply) => {
    const { id, feed } = await previewOf(request, request.params.draft);
    const sha256 = /^([0-9a-f]{64})\.json$/.exec(request.params.name)?.[1] ?? '';
    // A publish between the manifest and its files: the preview the manifest came from may still be here.
    const bytes =
      feed.objects.get(sha256) ??
      [...cache.entries()].find(([k, f]) => k.startsWith(`${id}@`) && f.objects.has(sha256))?.[1].objects.get(sha256);
    if (!bytes) return reply.code(404).send();
    return reply.type('application/json').send(bytes);
  });

  // Uploads are public once uploaded (/feed/media/); here too, so the preview shows a draft's new photos.
  app.get<{ Params: { draft: string; name: string } }>('/:draft/media/:name', async (request, reply) => {
    await previewOf(request, request.params.draft);
    const match = /^[0-9a-f]{64}\.([a-z0-9]{3,4})$/.exec(request.params.name);
    const type = match ? MEDIA_TYPES[match[1]!] : undefined;
    if (!type) return reply.code(404).send();
    try {
      const bytes = await readFile(join(service.mediaDir, request.params.name));
      return reply.type(type).header('X-Content-Type-Options', 'nosniff').send(bytes);
    } catch {
      return reply.code(404).send();
    }
  });
};

/** The TV app's files, and its settings for a preview; framed by the console's own pages only. */
const previewApp = (appDir: string, previewKey: () => SigningKey) => async (app: FastifyInstance) => {
  const directives = { ...contentSecurityPolicy(appDir, null), 'frame-ancestors': ["'self'"] };
  const policy = Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
  app.addHook('onRequest', async (_request, reply) => {
    reply.header('Content-Security-Policy', policy).header('X-Frame-Options', 'SAMEORIGIN');
  });
  const boxSettings = JSON.parse(readFileSync(join(appDir, 'settings.json'), 'utf8')) as {
    appSettings: unknown;
    platformSettings: Record<string, unknown>;
  };
  app.get('/settings.json', async (_request, reply) => {
    const key = previewKey().publicKeyBase64;
    return reply.header('Cache-Control', 'no-cache').send({
      appSettings: boxSettings.appSettings,
      platformSettings: {
        ...boxSettings.platformSettings,
        feedPublicKey: key,
        // The SDK's storage namespace: a preview never pins its key, version or cache on a real box's.
        id: `preview-${key.slice(0, 8)}`,
        // No service to register with: a preview is no box (its registration and reports go nowhere).
        serviceUrl: '/console/preview/none',
      },
    });
  });
  await app.register(fastifyStatic, {
    root: resolve(appDir),
    prefix: '/',
    decorateReply: false,
    preCompressed: true,
    allowedPath: (path) => !path.startsWith('/console/') && path !== '/settings.json',
    setHeaders: (reply, path) => {
      if (/\.(html|json)$/.test(path)) reply.header('Cache-Control', 'no-cache');
    },
  });
};
