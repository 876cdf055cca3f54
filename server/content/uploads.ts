/**
 * Operators' uploads: a receipt or photo (an image, checked and re-encoded by media.ts), or a
 * recording (e.g. a notice read in the local dialect, played by boxes instead of synthesis).
 * Those who draft content upload for it, and the district; each upload is audited.
 */
import type { Db } from '../db/database';
import type { Operator } from '../auth/operators';
import { can } from '../auth/permissions';
import { appendAudit } from '../audit/auditLog';
import { storeAudio, type StoredAudio } from './audio';
import { storeImage, type Crop } from './media';
import { forbidden, OperatorError } from './operatorError';
import { recordImage } from './repository';

export const upload = async (
  db: Db,
  mediaDir: string,
  operator: Operator,
  body: unknown,
  contentType: string,
  crop?: Crop,
): Promise<StoredAudio | { src: string; width: number; height: number }> => {
  if (!can(db, operator, 'edit', operator.region) && operator.role !== 'admin') throw forbidden();
  if (Buffer.isBuffer(body) && contentType.startsWith('audio/')) {
    const audio = await storeAudio(mediaDir, body);
    if (!audio)
      throw new OperatorError(
        422,
        '只接受能播放的 WAV、MP3 或 M4A 录音，最大 10 MB、30 分钟',
        'Only playable WAV, MP3 or M4A recordings up to 10 MB and 30 minutes are accepted',
      );
    appendAudit(db, { operatorId: operator.id, action: 'upload', target: audio.src, after: { bytes: audio.bytes } });
    return audio;
  }
  if (!Buffer.isBuffer(body))
    throw new OperatorError(
      415,
      '请以 image/jpeg、image/png 或 image/webp 上传图片',
      'Upload the image as image/jpeg, image/png or image/webp',
    );
  const image = await storeImage(mediaDir, body, crop);
  db.transaction(() => {
    recordImage(db, image, operator.id);
    appendAudit(db, {
      operatorId: operator.id,
      action: 'upload',
      target: image.src,
      after: { width: image.width, height: image.height, bytes: image.bytes },
    });
  })();
  return { src: image.src, width: image.width, height: image.height };
};
