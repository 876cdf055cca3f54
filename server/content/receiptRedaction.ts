/**
 * A receipt photo from the clerk's phone, redacted before anyone else sees it. The black boxes
 * the clerk drew (over an ID number, a bank account, a signature) are burned into the pixels,
 * never laid over them; the result is re-encoded as a JPEG without EXIF and stored with the
 * published media, ready to attach. The photo as taken is kept in the data directory, which is
 * not served, never in the feed. The answer warns when the photo's metadata (a GPS position)
 * or its size suggests personal data.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import exifReader from 'exif-reader';
import sharp, { type Metadata } from 'sharp';
import type { LedgerMonthBody } from '../../src/feed/schema';
import { LEDGER_CHANNEL } from '../../src/feed/taxonomy';
import type { Operator } from '../auth/operators';
import { appendAudit } from '../audit/auditLog';
import { writeFileAtomic } from '../files/atomicFile';
import { sameVoucherNumber } from '../import/voucherNumber';
import type { ContentContext } from './context';
import { villageFor } from './ledgerColumns';
import {
  checkedMetadata,
  ImageRejected,
  LONG_SIDE,
  MAX_INPUT_PIXELS,
  MAX_UPLOAD_BYTES,
  oneDecodeAtATime,
  storeJpeg,
} from './media';
import { currentBody } from './operations';
import { OperatorError } from './operatorError';
import { recordImage } from './repository';

/** Where originals are kept: inside the data directory (the service's user only), outside the feed. */
export const ORIGINALS_DIR = 'receipt-originals';

/** A box drawn on the photo as it stands upright, in fractions of its width and height (0 to 1). */
export interface RedactionBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface RedactionRequest {
  /** The photo's bytes in base64. */
  image: string;
  boxes: RedactionBox[];
}

export interface RedactionWarning {
  code: 'gps' | 'metadata' | 'large';
  zh: string;
  en: string;
}

export interface RedactedReceipt {
  src: string;
  width: number;
  height: number;
  warnings: RedactionWarning[];
}

/** A request carrying a photo at the upload cap, in base64, with room for the boxes. */
export const REDACTION_BODY_LIMIT = Math.ceil(MAX_UPLOAD_BYTES / 3) * 4 + 64 * 1024;

/** Above this, small print (an ID number, an account) stays readable on a TV even once shrunk. */
const SHARP_PHOTO_PIXELS = 4_000_000;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

const photoBytes = (image: string): Buffer => {
  if (image.length % 4 !== 0 || !BASE64.test(image))
    throw new OperatorError(
      400,
      '请求有误：「image」应为图片内容的 base64 编码',
      'Bad request: image must be the base64 of the photo',
    );
  const bytes = Buffer.from(image, 'base64');
  if (bytes.length === 0) throw new OperatorError(422, '图片是空的', 'The image is empty');
  return bytes;
};

const hasGps = (exif: Buffer): boolean => {
  try {
    return Object.keys(exifReader(exif).GPSInfo ?? {}).length > 0;
  } catch {
    // Unreadable EXIF is dropped all the same; only the warning is less precise.
    return false;
  }
};

/** What the photo's metadata and size say about personal data: the clerk reads these before attaching. */
const personalDataWarnings = (metadata: Metadata): RedactionWarning[] => {
  const warnings: RedactionWarning[] = [];
  if (metadata.exif && hasGps(metadata.exif))
    warnings.push({
      code: 'gps',
      zh: '照片带有拍摄地点（GPS 定位），发布的图片已去掉',
      en: 'The photo carries where it was taken (GPS); the published image leaves it out',
    });
  else if (metadata.exif || metadata.xmp || metadata.iptc)
    warnings.push({
      code: 'metadata',
      zh: '照片带有拍摄信息（EXIF：相机、时间等），发布的图片已去掉',
      en: 'The photo carries camera details (EXIF: camera, time…); the published image leaves them out',
    });
  const width = metadata.width ?? 0;
  const height = metadata.height ?? 0;
  if (width * height > SHARP_PHOTO_PIXELS)
    warnings.push({
      code: 'large',
      zh: `照片很清晰（${width}×${height}）：身份证号、银行账号、签名在电视上也看得清，请确认都已涂黑`,
      en: `The photo is sharp (${width}×${height}): ID numbers, bank accounts and signatures are readable on a TV; check each is covered`,
    });
  return warnings;
};

/** A box in pixels of an image this size, rounded outwards so that nothing it covers shows at its edge. */
const pixelRect = (box: RedactionBox, size: { width: number; height: number }) => {
  const left = Math.min(size.width - 1, Math.floor(box.x * size.width));
  const top = Math.min(size.height - 1, Math.floor(box.y * size.height));
  const right = Math.min(size.width, Math.max(left + 1, Math.ceil((box.x + box.width) * size.width)));
  const bottom = Math.min(size.height, Math.max(top + 1, Math.ceil((box.y + box.height) * size.height)));
  return { left, top, width: right - left, height: bottom - top };
};

/**
 * Upright and shrunk as every upload is, decoded to bare pixels (no metadata survives that),
 * then opaque black rectangles composited onto those pixels and the result encoded once.
 */
const burnBoxes = async (input: Buffer, boxes: RedactionBox[]) => {
  const upright = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS })
    .rotate()
    .resize({ width: LONG_SIDE, height: LONG_SIDE, fit: 'inside', withoutEnlargement: true })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const { width, height, channels } = upright.info;
  const black = boxes.map((box) => {
    const rect = pixelRect(box, { width, height });
    return {
      input: { create: { width: rect.width, height: rect.height, channels: 3 as const, background: '#000000' } },
      left: rect.left,
      top: rect.top,
    };
  });
  return sharp(upright.data, { raw: { width, height, channels } })
    .composite(black)
    .jpeg({ quality: 80, mozjpeg: true })
    .toBuffer({ resolveWithObject: true });
};

/** The photo as taken, private: named by its hash, readable by the service's user only. */
const keepOriginal = (dataDir: string, input: Buffer, format: string): string => {
  const sha256 = createHash('sha256').update(input).digest('hex');
  const path = `${ORIGINALS_DIR}/${sha256}.${format === 'jpeg' ? 'jpg' : format}`;
  if (!existsSync(join(dataDir, path))) writeFileAtomic(join(dataDir, path), input, 0o600);
  return path;
};

export const redactReceipt = async (
  context: ContentContext & { dataDir: string; mediaDir: string },
  operator: Operator,
  where: { region: string; month: string; number: string },
  request: RedactionRequest,
): Promise<RedactedReceipt> => {
  const { db } = context;
  const { region: village, month, number } = where;
  villageFor(db, operator, village, ['edit']);
  const body = currentBody(db, { region: village, channel: LEDGER_CHANNEL, itemId: month }) as LedgerMonthBody | null;
  if (!body?.vouchers.some((v) => sameVoucherNumber(v.number, number)))
    throw new OperatorError(404, `${month} 没有凭证 ${number}`, `No voucher ${number} in ${month}`);
  const input = photoBytes(request.image);
  const metadata = await checkedMetadata(input);
  const warnings = personalDataWarnings(metadata);
  const redacted = await oneDecodeAtATime(() => burnBoxes(input, request.boxes)).catch(() => {
    // A header that reads well over pixels that do not (a truncated photo).
    throw new ImageRejected('图片已损坏，无法读出', 'The image is damaged and cannot be read');
  });
  const stored = storeJpeg(context.mediaDir, redacted.data, redacted.info);
  const original = keepOriginal(context.dataDir, input, metadata.format ?? 'jpeg');
  db.transaction(() => {
    recordImage(db, stored, operator.id);
    appendAudit(db, {
      operatorId: operator.id,
      action: 'receipt.redact',
      target: `${village}/ledger/${month}/${number}`,
      after: { src: stored.src, original, boxes: request.boxes.length, warnings: warnings.map((w) => w.code) },
    });
  })();
  return { src: stored.src, width: stored.width, height: stored.height, warnings };
};
