/**
 * A box's signed request as the /box routes read it: the body as text (the signature is checked
 * over the very bytes that came), and, for what only a bound box may ask, the check of the
 * signature and the binding in the transaction that acts on it.
 */
import type { FastifyRequest } from 'fastify';
import type { Static, TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { OperatorError } from '../content/operatorError';
import type { Db } from '../db/database';
import { whenNotBusy } from '../db/whenNotBusy';
import { bindingOf, type Binding } from '../household/boxes';
import { checkBoxRequest } from '../household/boxRequests';

const parse = (text: string): unknown => {
  try {
    return JSON.parse(text || '{}') as unknown;
  } catch {
    throw new OperatorError(400, '内容不是有效的 JSON', 'The body is not valid JSON');
  }
};

/** What a body is, in words for its refusal: 提问 / question. */
export interface BodyName {
  zh: string;
  en: string;
  /** What the Chinese refusal adds about the values it takes, if anything. */
  zhRule?: string;
}

/** The body parsed and checked against `schema`; else a 400 that names the first field at fault. */
export const checkedBody = <S extends TSchema>(schema: S, text: string, name: BodyName): Static<S> => {
  const body = parse(text);
  if (Value.Check(schema, body)) return body;
  const first = [...Value.Errors(schema, body)][0];
  const field = first?.path || '/';
  throw new OperatorError(
    400,
    `${name.zh}内容有误：「${field}」不符合要求${name.zhRule ?? ''}`,
    `Bad ${name.en}: ${field} ${first?.message ?? ''}`,
  );
};

export const signed = (request: FastifyRequest) => ({
  method: request.method,
  path: request.url.split('?')[0]!,
  headers: request.headers,
  body: typeof request.body === 'string' ? request.body : '',
});

/**
 * Checks the signed request and the box's binding, then runs `act` in one transaction with the
 * request's one-time id: a refusal anywhere (`act`'s included) stores nothing.
 */
export const asBoundBox = <T>(
  db: Db,
  request: FastifyRequest,
  act: (binding: Binding, now: number) => T,
): Promise<T> => {
  const now = Date.now();
  return whenNotBusy(() =>
    db.transaction(() => {
      const checked = checkBoxRequest(db, signed(request), now);
      const binding = bindingOf(db, checked.boxId);
      if (!binding)
        throw new OperatorError(
          403,
          '这台机顶盒尚未绑定家庭，请先到村委会绑定',
          'This box is not bound to a household: have it bound at the village office first',
        );
      const result = act(binding, now);
      checked.accept();
      return result;
    })(),
  );
};
