/**
 * Receipt and photo uploads: only real JPEG, PNG or WebP images up to 10 MB. Each is
 * re-encoded as JPEG, which drops EXIF (GPS, camera, owner) and any other metadata,
 * turned upright, and shrunk to at most 1920 px on its long side, since a 1 GB box
 * decodes every pixel. A crop (a rectangle drawn in the console, e.g. around an official's face)
 * is cut from the upright photo before the shrink. Stored under its content hash, so it is never
 * overwritten.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import sharp, { type Metadata } from 'sharp';
import { writeFileAtomic } from '../files/atomicFile';
import { OperatorError } from './operatorError';

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
const ACCEPTED = new Set(['jpeg', 'png', 'webp']);
export const LONG_SIDE = 1920;

export type StoredImage = { src: string; width: number; height: number; bytes: number; sha256: string };

export class ImageRejected extends OperatorError {
  constructor(zh: string, en: string) {
    super(422, zh, en);
  }
}

/** 50 megapixels: more than a phone camera takes, far less than a 16000×16000 decompression bomb. */
export const MAX_INPUT_PIXELS = 50_000_000;
/** Images decoded at once; the others wait their turn, so hostile uploads cannot add up in memory. */
const MAX_CONCURRENT_DECODES = 2;

let decoding = 0;
const waiting: (() => void)[] = [];
export const oneDecodeAtATime = async <T>(work: () => Promise<T>): Promise<T> => {
  if (decoding >= MAX_CONCURRENT_DECODES) await new Promise<void>((resolve) => waiting.push(resolve));
  decoding++;
  try {
    return await work();
  } finally {
    decoding--;
    waiting.shift()?.();
  }
};

/** The image's header, once its size, format and pixel count are within what the service decodes. */
export const checkedMetadata = async (input: Buffer): Promise<Metadata> => {
  if (input.length > MAX_UPLOAD_BYTES)
    throw new ImageRejected('图片太大，最大 10 MB', 'The image is too large (10 MB at most)');
  let metadata: Metadata;
  try {
    metadata = await sharp(input).metadata();
  } catch {
    throw new ImageRejected('不是可以识别的图片文件', 'Not an image file that can be read');
  }
  if (!metadata.format || !ACCEPTED.has(metadata.format))
    throw new ImageRejected('只接受 JPEG、PNG 或 WebP 图片', 'Only JPEG, PNG or WebP images are accepted');
  // The header says how many pixels decoding would take: refused before any is decoded.
  if ((metadata.width ?? 0) * (metadata.height ?? 0) > MAX_INPUT_PIXELS) {
    throw new ImageRejected(
      `图片像素太多（最多 ${MAX_INPUT_PIXELS / 1_000_000} 百万像素）`,
      `The image has too many pixels (${MAX_INPUT_PIXELS / 1_000_000} megapixels at most)`,
    );
  }
  return metadata;
};

/** A rectangle of the photo as it stands upright, in fractions of its width and height (0 to 1). */
export interface Crop {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The crop in pixels of the upright photo, at least one pixel, inside it. */
const cropPixels = (crop: Crop, metadata: Metadata) => {
  const { width, height } = metadata.autoOrient ?? { width: metadata.width ?? 1, height: metadata.height ?? 1 };
  const left = Math.min(width - 1, Math.floor(crop.x * width));
  const top = Math.min(height - 1, Math.floor(crop.y * height));
  return {
    left,
    top,
    width: Math.max(1, Math.min(width - left, Math.round(crop.width * width))),
    height: Math.max(1, Math.min(height - top, Math.round(crop.height * height))),
  };
};

export const storeImage = async (mediaDir: string, input: Buffer, crop?: Crop): Promise<StoredImage> => {
  const metadata = await checkedMetadata(input);
  return oneDecodeAtATime(() => shrinkAndStore(mediaDir, input, crop && cropPixels(crop, metadata)));
};

const shrinkAndStore = async (
  mediaDir: string,
  input: Buffer,
  region?: ReturnType<typeof cropPixels>,
): Promise<StoredImage> => {
  // Turned upright first, so the crop is cut where the operator drew it.
  const upright = sharp(input, { limitInputPixels: MAX_INPUT_PIXELS }).rotate();
  const { data, info } = await (region ? upright.extract(region) : upright)
    .resize({ width: LONG_SIDE, height: LONG_SIDE, fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: 80, mozjpeg: true })
    .toBuffer({ resolveWithObject: true });
  return storeJpeg(mediaDir, data, info);
};

/** A JPEG the service made, under its content hash in the published media. */
export const storeJpeg = (mediaDir: string, data: Buffer, size: { width: number; height: number }): StoredImage => {
  const sha256 = createHash('sha256').update(data).digest('hex');
  const src = `media/${sha256}.jpg`;
  const path = join(mediaDir, `${sha256}.jpg`);
  if (!existsSync(path)) writeFileAtomic(path, data);
  return { src, width: size.width, height: size.height, bytes: data.length, sha256 };
};
