/**
 * The operator API under /api. Every endpoint runs as an authenticated operator and
 * is scoped by role and region; answers carry reasons in Chinese and English. Handlers only
 * connect HTTP to content/: what they accept and answer is in schemas.ts, the rules and the
 * storage are in content/, and a refusal (an OperatorError) is answered by errorHandler.ts.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { can, type Action } from '../auth/permissions';
import { verifyAuditChain } from '../audit/auditLog';
import { listAudit } from '../audit/auditView';
import { listBootFailures } from '../content/bootFailures';
import { readColumns, saveColumns } from '../content/ledgerColumns';
import { attachReceipts, importLedgerRows } from '../content/ledgerMerge';
import { previewLedgerFile, PREVIEW_BODY_LIMIT } from '../content/ledgerPreview';
import { MAX_UPLOAD_BYTES } from '../content/media';
import {
  changeOperatorScope,
  createOperatorAccount,
  disableOperatorAccount,
  enableOperatorAccount,
  issueOperatorToken,
  listOperatorAccounts,
  revokeOperatorToken,
} from '../content/operatorAccounts';
import { createOperatorWithSignIn } from '../content/operatorPasswords';
import { correctItem, pushItem, reviewDraft, withdrawItem } from '../content/operations';
import { forbidden } from '../content/operatorError';
import { overdueChannels } from '../content/overdue';
import { readItem, visibleRevisions } from '../content/reads';
import { listRegions } from '../content/regions';
import { listVersions, type Revision } from '../content/repository';
import { schedulePublish } from '../content/schedule';
import { versionChanges } from '../content/versionChanges';
import { upload } from '../content/uploads';
import { whenNotBusy } from '../db/whenNotBusy';
import { redactReceipt, REDACTION_BODY_LIMIT } from '../content/receiptRedaction';
import { publishNow, type Service } from '../service';
import { MAX_AUDIO_BYTES } from '../content/audio';
import { bindBox, revokeBox, unbindBox } from '../household/boxes';
import { listHouseholds } from '../household/households';
import { helpDutyRoutes } from './helpDuty';
import { pollRoutes } from './polls';
import { suggestionRoutes } from './suggestions';
import { requireOperator } from './auth';
import { consoleRoutes } from './console';
import type { SignInLockout } from '../auth/signInLockout';
import { fail } from './errors';
import { ROUTE_SCHEMAS } from './schemas';
import { questionRoutes } from './questions';

const revisionView = (r: Revision) => ({ ...r, body: r.body ? (JSON.parse(r.body) as unknown) : null });

export const apiRoutes = (service: Service, lockout: SignInLockout) => async (plain: FastifyInstance) => {
  const app = plain.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = service;
  // A request that breaks its route's schema is answered after authentication, in both languages.
  // Every handler's writes are whole transactions: one that found the database busy (a publish
  // holds the write lock) is run again a little later, without blocking polls meanwhile.
  app.addHook('onRoute', (route) => {
    route.attachValidation = true;
    const handler = route.handler;
    route.handler = function (this: FastifyInstance, request, reply) {
      return whenNotBusy(
        () => handler.call(this, request, reply),
        () =>
          console.warn(
            `${request.method} ${request.url}: the database is busy (a publish is writing); trying again shortly`,
          ),
      );
    };
  });
  requireOperator(app, service);
  app.addHook('preHandler', async (request, reply) => {
    const error = request.validationError as
      (Error & { validation?: { instancePath: string; message?: string }[]; validationContext?: string }) | undefined;
    if (!error) return;
    const first = error.validation?.[0];
    const where = `${error.validationContext ?? 'request'}${first?.instancePath ?? ''}`;
    return fail(
      reply,
      400,
      `请求有误：「${where}」不符合要求（${first?.message ?? error.message}）`,
      `Bad request: ${where} ${first?.message ?? error.message}`,
    );
  });
  app.addContentTypeParser(
    ['image/jpeg', 'image/png', 'image/webp', 'application/octet-stream'],
    { parseAs: 'buffer', bodyLimit: MAX_UPLOAD_BYTES + 1 },
    (_request, body, done) => done(null, body),
  );
  app.addContentTypeParser(
    ['audio/wav', 'audio/x-wav', 'audio/mpeg', 'audio/mp4'],
    { parseAs: 'buffer', bodyLimit: MAX_AUDIO_BYTES + 1 },
    (_request, body, done) => done(null, body),
  );
  /** Refuses, before the handler, an operator whose role may not do this anywhere. */
  const only = (action: Action) => async (request: FastifyRequest) => {
    if (!can(db, request.operator, action)) throw forbidden();
  };

  app.get('/me', { schema: ROUTE_SCHEMAS.me }, async (request) => request.operator);

  // The console's session and the admin's password reset (console.ts).
  await app.register(consoleRoutes(service, lockout));

  app.get('/regions', { schema: ROUTE_SCHEMAS.regions }, async () => listRegions(db));

  const items = '/regions/:region/channels/:channel/items/:itemId';
  app.get(items, { schema: ROUTE_SCHEMAS.item }, async (request) => {
    const state = readItem(db, request.operator, request.params);
    return { published: state.published, pending: state.pending ? revisionView(state.pending) : null };
  });

  app.put(items, { schema: ROUTE_SCHEMAS.push }, async (request, reply) =>
    reply
      .code(201)
      .send(
        revisionView(
          pushItem(service, request.operator, request.params, request.body, { replace: request.query.replace }),
        ),
      ),
  );

  app.delete(items, { schema: ROUTE_SCHEMAS.withdraw }, async (request, reply) =>
    reply.code(201).send(revisionView(withdrawItem(db, request.operator, request.params))),
  );

  app.post(`${items}/correction`, { schema: ROUTE_SCHEMAS.correction }, async (request, reply) =>
    reply.code(201).send(correctItem(service, request.operator, request.params, request.body).map(revisionView)),
  );

  // The ledger import and receipt attachment are merged here, onto the month as it is now.
  app.post('/regions/:region/ledger/:month/import', { schema: ROUTE_SCHEMAS.ledgerImport }, async (request, reply) => {
    const { region, month } = request.params;
    const result = importLedgerRows(service, request.operator, region, month, request.body);
    return reply.code(request.body.dryRun ? 200 : 201).send(result);
  });

  // The console's ledger page: a file read and checked, nothing stored; and the village's saved columns.
  app.post(
    '/regions/:region/ledger/:month/preview',
    { schema: ROUTE_SCHEMAS.ledgerPreview, bodyLimit: PREVIEW_BODY_LIMIT },
    async (request) => {
      const { region, month } = request.params;
      return previewLedgerFile(service, request.operator, region, month, request.body);
    },
  );

  app.get('/regions/:region/ledger/columns', { schema: ROUTE_SCHEMAS.ledgerColumns }, async (request) =>
    readColumns(db, request.operator, request.params.region),
  );

  app.put('/regions/:region/ledger/columns', { schema: ROUTE_SCHEMAS.saveLedgerColumns }, async (request) =>
    saveColumns(db, request.operator, request.params.region, request.body),
  );

  app.post(
    '/regions/:region/ledger/:month/vouchers/:number/receipts',
    { schema: ROUTE_SCHEMAS.attachReceipts },
    async (request, reply) => {
      const { region, month, number } = request.params;
      const receipts = request.body.receipts.map((r) => ({ ...r, kind: r.kind ?? '票据' }));
      const { draft, receiptCount } = attachReceipts(service, request.operator, region, month, number, receipts);
      return reply.code(201).send({ id: draft.id, receiptCount });
    },
  );

  // A receipt photo from the console, its boxes burned in; attached to the voucher by the route above.
  app.post(
    '/regions/:region/ledger/:month/vouchers/:number/receipts/redacted',
    { schema: ROUTE_SCHEMAS.redactReceipt, bodyLimit: REDACTION_BODY_LIMIT },
    async (request, reply) =>
      reply.code(201).send(await redactReceipt(service, request.operator, request.params, request.body)),
  );

  app.post('/media', { schema: ROUTE_SCHEMAS.media }, async (request, reply) => {
    const { cropX, cropY, cropWidth, cropHeight } = request.query;
    const given = [cropX, cropY, cropWidth, cropHeight].filter((v) => v !== undefined).length;
    if (given !== 0 && given !== 4)
      return fail(
        reply,
        400,
        '裁剪需要同时给出 cropX、cropY、cropWidth 和 cropHeight',
        'A crop needs all of cropX, cropY, cropWidth and cropHeight',
      );
    const crop = given ? { x: cropX!, y: cropY!, width: cropWidth!, height: cropHeight! } : undefined;
    return reply
      .code(201)
      .send(
        await upload(
          db,
          service.mediaDir,
          request.operator,
          request.body,
          String(request.headers['content-type']),
          crop,
        ),
      );
  });

  app.get('/drafts', { schema: ROUTE_SCHEMAS.drafts }, async (request) =>
    visibleRevisions(db, request.operator, request.query.status ?? 'draft').map(revisionView),
  );

  app.post('/drafts/:id/approve', { schema: ROUTE_SCHEMAS.approve }, async (request) =>
    revisionView(reviewDraft(db, request.operator, request.params.id, 'approved', null)),
  );

  app.post('/drafts/:id/reject', { schema: ROUTE_SCHEMAS.reject }, async (request) =>
    revisionView(reviewDraft(db, request.operator, request.params.id, 'rejected', request.body?.reason ?? null)),
  );

  app.post('/publish', { schema: ROUTE_SCHEMAS.publish, preHandler: only('publish') }, async (request, reply) => {
    const at = request.body?.at;
    if (at) return reply.code(202).send({ scheduled: schedulePublish(db, request.operator, at) });
    return reply.code(200).send(await publishNow(service, request.operator.id));
  });

  app.post('/rollback', { schema: ROUTE_SCHEMAS.rollback, preHandler: only('administer') }, async (request) =>
    service.publishing.run({ kind: 'rollback', operatorId: request.operator.id, toVersion: request.body.version }),
  );

  app.get('/versions', { schema: ROUTE_SCHEMAS.versions }, async () => listVersions(db));

  app.get('/versions/:version/changes', { schema: ROUTE_SCHEMAS.versionChanges }, async (request) =>
    versionChanges(db, request.params.version, request.query.against),
  );

  app.get('/audit/verify', { schema: ROUTE_SCHEMAS.auditVerify }, async () => verifyAuditChain(db));

  app.get('/audit', { schema: ROUTE_SCHEMAS.auditLog }, async (request) =>
    listAudit(db, request.operator, request.query),
  );

  /** What boxes reported when they could not start the app (see bootFailures.ts): addresses, so the district's only. */
  app.get('/boot-failures', { schema: ROUTE_SCHEMAS.bootFailures, preHandler: only('administer') }, async () =>
    listBootFailures(db),
  );

  app.get('/overdue', { schema: ROUTE_SCHEMAS.overdue }, async (request) =>
    overdueChannels(db, Date.now(), request.query.region),
  );

  app.get('/operators', { schema: ROUTE_SCHEMAS.operators }, async (request) =>
    listOperatorAccounts(db, request.operator, request.query.all),
  );

  app.post('/operators', { schema: ROUTE_SCHEMAS.createOperator }, async (request, reply) => {
    const { username, password, label, ...operator } = request.body;
    return reply.code(201).send(
      username
        ? await createOperatorWithSignIn(db, request.operator, {
            ...operator,
            username,
            ...(password ? { password } : {}),
          })
        : createOperatorAccount(db, request.operator, { ...operator, ...(label ? { label } : {}) }),
    );
  });

  // The console's operators page: another role or region, and a disabled operator enabled again.
  app.patch('/operators/:id', { schema: ROUTE_SCHEMAS.changeOperatorScope }, async (request) =>
    changeOperatorScope(db, request.operator, request.params.id, request.body),
  );

  app.post('/operators/:id/enable', { schema: ROUTE_SCHEMAS.enableOperator }, async (request) =>
    enableOperatorAccount(db, request.operator, request.params.id),
  );

  app.post('/operators/:id/tokens', { schema: ROUTE_SCHEMAS.issueToken }, async (request, reply) =>
    reply.code(201).send(issueOperatorToken(db, request.operator, request.params.id, request.body?.label)),
  );

  app.delete('/tokens/:id', { schema: ROUTE_SCHEMAS.revokeToken }, async (request) =>
    revokeOperatorToken(db, request.operator, request.params.id),
  );

  // Households and their boxes (issue 19): binding is scoped to the household's village.
  app.get('/households', { schema: ROUTE_SCHEMAS.households }, async (request) =>
    listHouseholds(db, request.operator, request.query.village),
  );

  app.post('/households/bind', { schema: ROUTE_SCHEMAS.bindBox }, async (request, reply) =>
    reply.code(201).send(bindBox(service, request.operator, request.body.code, request.body.household)),
  );

  app.post('/boxes/:id/unbind', { schema: ROUTE_SCHEMAS.unbindBox }, async (request) =>
    unbindBox(service, request.operator, request.params.id.toUpperCase()),
  );

  app.post('/boxes/:id/revoke', { schema: ROUTE_SCHEMAS.revokeBox }, async (request) =>
    revokeBox(service, request.operator, request.params.id.toUpperCase()),
  );

  // 一键求助: what the village's duty officer sees and answers (helpDuty.ts).
  await app.register(helpDutyRoutes(service));
  // 民意调查: a village's polls (polls.ts).
  await app.register(pollRoutes(service));
  await app.register(suggestionRoutes(service));

  app.delete('/operators/:id', { schema: ROUTE_SCHEMAS.disableOperator }, async (request) =>
    disableOperatorAccount(db, request.operator, request.params.id),
  );

  // Villagers' questions from their boxes (issue 19): scoped to the question's village, escalated to the street when overdue.
  questionRoutes(plain, service);
};
