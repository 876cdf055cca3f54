/**
 * The HTTP service: the built TV app at /, the published feed at /feed/, and the
 * operator API at /api/. One listener serves both, or (--api-host, --api-port) the public
 * part and the operator API each have their own.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import fastifyCompress from '@fastify/compress';
import type { Service } from './service';
import fastifyCookie from '@fastify/cookie';
import { apiRoutes } from './routes/api';
import { signInRoutes } from './routes/console';
import { consoleApp } from './routes/consoleApp';
import { previewRoutes } from './routes/preview';
import { SignInLockout } from './auth/signInLockout';
import { handleErrors } from './routes/errorHandler';
import { dataDirProblem } from './dataDirHealth';
import { feedRoutes } from './routes/feed';
import { bootFailureRoutes } from './routes/bootFailures';
import { boxRoutes } from './routes/box';
import { DEFAULT_HTTP_LIMITS, limitedServer, type HttpLimits } from './httpLimits';
import { fastifyTrustProxy, type TrustedProxies } from './trustProxy';
import { contentSecurityPolicy, registerSecurityHeaders } from './securityHeaders';

export interface ServerOptions {
  appDir: string;
  /** Seconds boxes wait between manifest polls. */
  pollSeconds?: number;
  logger?: boolean;
  limits?: HttpLimits;
  /** Proxies whose X-Forwarded-For gives the client's address (request.ip); none by default. */
  trustProxy?: TrustedProxies;
  /** What this listener serves: boxes' part (app, feed, /healthz, /box), the operator API, or both. */
  serves?: 'all' | 'public' | 'api';
}

export const buildServer = async (service: Service, options: ServerOptions): Promise<FastifyInstance> => {
  const serves = options.serves ?? 'all';
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 5 * 1024 * 1024,
    serverFactory: limitedServer(options.limits ?? DEFAULT_HTTP_LIMITS),
    trustProxy: fastifyTrustProxy(options.trustProxy),
  });
  handleErrors(app);
  // The box's settings carry this publisher's public key, so boxes trust only its manifests.
  const settings = JSON.parse(readFileSync(join(options.appDir, 'settings.json'), 'utf8')) as {
    platformSettings: Record<string, unknown>;
  };
  settings.platformSettings.feedPublicKey = service.key.publicKeyBase64;
  await app.register(fastifyCompress, { encodings: ['br', 'gzip'], threshold: 1024 });
  // The feed, polled by every box every minute, carries nosniff only (feed.ts): helmet's full set
  // with the CSP would add some 650 bytes to each 304. Everything else gets the full set.
  if (serves !== 'api') await app.register(feedRoutes(service, options.pollSeconds ?? 60), { prefix: '/feed' });
  await app.register(async (hardened) => {
    await registerSecurityHeaders(hardened, contentSecurityPolicy(options.appDir, settings.platformSettings.feedUrl));
    // Both listeners say whether the service is well; /api stays off the public one (a 404 there).
    hardened.get('/healthz', healthz(service));
    if (serves !== 'public') {
      // The operators' console sits with the API it calls: its session cookie is for this origin only.
      const lockout = new SignInLockout();
      await hardened.register(fastifyCookie);
      await hardened.register(signInRoutes(service, lockout), { prefix: '/api/session' });
      await hardened.register(apiRoutes(service, lockout), { prefix: '/api' });
      await hardened.register(consoleApp(options.appDir), { prefix: '/console' });
      await hardened.register(previewRoutes(service, options.appDir), { prefix: '/console/preview' });
    }
    if (serves !== 'api') await appRoutes(hardened, service, options.appDir, settings);
  });
  return app;
};

/** The TV app's files, its settings and the boxes' failure reports. */
const appRoutes = async (app: FastifyInstance, service: Service, appDir: string, settings: unknown) => {
  await app.register(fastifyStatic, {
    root: resolve(appDir),
    prefix: '/',
    etag: true,
    // The build writes .br/.gz twins of the bundles (rollup.config.js): sent as they are.
    preCompressed: true,
    // The console is served with the operator API (consoleApp.ts), not to boxes.
    allowedPath: (path) => !path.startsWith('/console/'),
    setHeaders: (res, path) => {
      // The page and its settings must be revalidated so a new build reaches every box.
      if (/\.(html|json)$/.test(path)) res.header('Cache-Control', 'no-cache');
    },
  });
  app.get('/settings.json', async (_request, reply) => reply.header('Cache-Control', 'no-cache').send(settings));
  await app.register(bootFailureRoutes(service), { prefix: '/box' });
  await app.register(boxRoutes(service), { prefix: '/box' });
};

// Not ok until a version is complete (a first start publishes the sample after it listens).
// Not ok while the data directory cannot be written either: nothing could be saved or published.
const healthz = (service: Service) => async (_request: FastifyRequest, reply: FastifyReply) => {
  const version = service.publisher.currentVersion;
  const problem = dataDirProblem(service.dataDir, service.feedDir);
  const ok = version > 0 && !problem;
  return reply.code(ok ? 200 : 503).send({ ok, version, ...(problem ? { problem } : {}) });
};
