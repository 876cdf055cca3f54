/**
 * Checks a box's signed request (src/household/signedRequest.ts) before anything is stored: the
 * headers are there and well formed, the time is within the window, the box is known (or, when it
 * registers, the key it sends is the one its id names), the signature holds, the box is not
 * revoked and the one-time id is new. A refused request leaves nothing behind; an accepted one's
 * id is recorded in the same transaction as what it does (`accept`).
 */
import { boxIdOf, BOX_ID_PATTERN } from '../../src/household/boxKeys';
import { fromBase64 } from '../../src/household/bytes';
import { BOX_HEADERS, NONCE_PATTERN, REQUEST_WINDOW_MS } from '../../src/household/signedRequest';
import { OperatorError } from '../content/operatorError';
import type { Db } from '../db/database';
import { boxSignatureHolds } from './boxSignature';
import { findBox } from './boxes';
import { statement } from '../db/statements';

export interface SignedBoxRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface CheckedBoxRequest {
  boxId: string;
  /** Records the one-time id: call inside the transaction that acts on the request. */
  accept(): void;
}

const refuse = (status: number, zh: string, en: string) => new OperatorError(status, zh, en);
const header = (request: SignedBoxRequest, name: string): string | null => {
  const value = request.headers[name];
  return typeof value === 'string' && value ? value : null;
};
const BOX_ID = new RegExp(BOX_ID_PATTERN);

/**
 * `registeringKey`: the signing key a registering box sends in its body (base64); otherwise
 * the key is the one the box registered.
 */
export const checkBoxRequest = (
  db: Db,
  request: SignedBoxRequest,
  now: number,
  registeringKey?: string,
): CheckedBoxRequest => {
  const boxId = header(request, BOX_HEADERS.box);
  const time = header(request, BOX_HEADERS.time);
  const nonce = header(request, BOX_HEADERS.nonce);
  const signature = header(request, BOX_HEADERS.signature);
  if (
    !boxId ||
    !time ||
    !nonce ||
    !signature ||
    !BOX_ID.test(boxId) ||
    !/^[0-9]{1,15}$/.test(time) ||
    !NONCE_PATTERN.test(nonce)
  )
    throw refuse(
      401,
      `请求没有签名：需要 ${Object.values(BOX_HEADERS).join('、')}`,
      `The request is not signed: ${Object.values(BOX_HEADERS).join(', ')} are required`,
    );
  if (Math.abs(Number(time) - now) > REQUEST_WINDOW_MS)
    throw refuse(
      401,
      '请求时间与服务器相差超过 5 分钟（请检查机顶盒的时钟）',
      'The request time is more than 5 minutes from the service clock (check the box clock)',
    );
  const box = findBox(db, boxId);
  const key = registeringKey ?? box?.sign_key;
  if (!key) throw refuse(401, `机顶盒 ${boxId} 尚未登记`, `Box ${boxId} is not registered`);
  let keyBytes: Uint8Array;
  try {
    keyBytes = fromBase64(key);
  } catch {
    throw refuse(400, '签名公钥（signKey）不是 base64', 'The signing key (signKey) is not base64');
  }
  if (keyBytes.length !== 32 || boxIdOf(keyBytes) !== boxId || (box && box.sign_key !== key))
    throw refuse(401, '机顶盒编号与其公钥不符', 'The box id does not match its key');
  const parts = { method: request.method, path: request.path, time: Number(time), nonce, body: request.body };
  if (!boxSignatureHolds(parts, signature, keyBytes))
    throw refuse(401, '请求签名无效', 'The request signature is not valid');
  if (box?.revoked_at) throw refuse(403, '这台机顶盒已被停用', 'This box has been revoked');
  const seen = statement(db, 'SELECT 1 FROM box_nonces WHERE box_id = ? AND nonce = ?').pluck();
  if (seen.get(boxId, nonce))
    throw refuse(409, '重复的请求（一次性编号已用过）', 'A replayed request (its one-time id was used already)');
  return {
    boxId,
    accept: () => {
      // Ids older than the window can no longer be replayed (their time is refused): forget them.
      statement(db, 'DELETE FROM box_nonces WHERE at < ?').run(now - 2 * REQUEST_WINDOW_MS);
      statement(db, 'INSERT INTO box_nonces (box_id, nonce, at) VALUES (?, ?, ?)').run(boxId, nonce, now);
    },
  };
};
