/**
 * What a box asks of the service, under /box, signed with its own key (no operator token):
 * `register` records its public keys and answers a pairing code while it is unbound;
 * `binding` says which household it is bound to, and is refused to a box that is not;
 * `questions` (boxQuestions.ts) takes a villager's question. The
 * body is read as text, so that the signature is checked over the very bytes that came.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type } from '@sinclair/typebox';
import { fromBase64 } from '../../src/household/bytes';
import { privateIndexPath } from '../../src/household/boxKeys';
import { BOX_HEADERS, MAX_BOX_REQUEST_BYTES } from '../../src/household/signedRequest';
import { chinaTime } from '../clock';
import { OperatorError } from '../content/operatorError';
import { whenNotBusy } from '../db/whenNotBusy';
import { bindingOf, findBox, pairingCodeFor, registerBox } from '../household/boxes';
import { checkBoxRequest } from '../household/boxRequests';
import type { Service } from '../service';
import { boxHelpRoutes } from './boxHelp';
import { boxPollRoutes } from './boxPolls';
import { boxSuggestionRoutes } from './boxSuggestions';
import { checkedBody, signed } from './boxSigned';
import { boxQuestionRoutes } from './boxQuestions';
import { boxRatingRoutes } from './boxRatings';

const Key = Type.String({ pattern: '^[A-Za-z0-9+/]{43}=$', description: '32 bytes, base64' });
const Registration = Type.Object(
  {
    signKey: Key,
    sealKey: Key,
    deviceId: Type.Optional(Type.String({ pattern: '^[\\x21-\\x7e]{1,64}$' })),
  },
  { additionalProperties: false },
);

/** Boxes whose page comes from nginx or a CDN ask from another origin (serviceUrl). */
const allowBoxes = (reply: FastifyReply) =>
  reply
    .header('Access-Control-Allow-Origin', '*')
    .header('Access-Control-Allow-Methods', 'POST')
    .header('Access-Control-Allow-Headers', ['content-type', ...Object.values(BOX_HEADERS)].join(', '))
    .header('Cache-Control', 'no-store');

export const boxRoutes = (service: Service) => async (app: FastifyInstance) => {
  const { db } = service;
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: MAX_BOX_REQUEST_BYTES }, (_request, body, done) =>
    done(null, body),
  );
  app.addHook('onRequest', async (_request, reply) => {
    allowBoxes(reply);
  });
  app.options('/*', async (_request, reply) => reply.code(204).send());
  // The villager's voice (issue 19) under the same body parsing and CORS.
  await app.register(boxHelpRoutes(service));
  await app.register(boxPollRoutes(service));
  await app.register(boxSuggestionRoutes(service));
  await app.register(boxRatingRoutes(service));
  await app.register(boxQuestionRoutes(service));

  app.post('/register', { bodyLimit: MAX_BOX_REQUEST_BYTES }, async (request) => {
    const registration = checkedBody(Registration, signed(request).body, { zh: '登记', en: 'registration' });
    const now = Date.now();
    return whenNotBusy(() =>
      db.transaction(() => {
        const checked = checkBoxRequest(db, signed(request), now, registration.signKey);
        registerBox(db, { id: checked.boxId, ...registration, deviceId: registration.deviceId ?? null }, now);
        checked.accept();
        if (bindingOf(db, checked.boxId)) return { box: checked.boxId, bound: true };
        const { code, expiresAt } = pairingCodeFor(db, checked.boxId, now);
        return { box: checked.boxId, bound: false, code, expiresAt: chinaTime(expiresAt) };
      })(),
    );
  });

  app.post('/binding', { bodyLimit: MAX_BOX_REQUEST_BYTES }, async (request) => {
    const now = Date.now();
    return whenNotBusy(() =>
      db.transaction(() => {
        const checked = checkBoxRequest(db, signed(request), now);
        const binding = bindingOf(db, checked.boxId);
        if (!binding) throw new OperatorError(403, '这台机顶盒尚未绑定家庭', 'This box is not bound to a household');
        checked.accept();
        const box = findBox(db, checked.boxId)!;
        return { box: box.id, boundAt: binding.boundAt, index: privateIndexPath(fromBase64(box.sign_key)) };
      })(),
    );
  });
};
