/**
 * Receipt and photo uploads: only real JPEG, PNG or WebP images up to 10 MB. Each is
 * re-encoded as JPEG, which drops EXIF (GPS, camera, owner) and any other metadata,
 * turned upright, and shrunk to at most 1920 px on its long side, since a 1 GB box
 * decodes every pixel. Stored under its content hash, so it is never overwritten.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { writeFileAtomic } from '../publish/atomicFile';

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
const ACCEPTED = new Set(['jpeg', 'png', 'webp']);
const LONG_SIDE = 1920;

export type StoredImage = { src: string; width: number; height: number; bytes: number; sha256: string };

export class ImageRejected extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}

export const storeImage = async (mediaDir: string, input: Buffer): Promise<StoredImage> => {
  if (input.length > MAX_UPLOAD_BYTES) throw new ImageRejected('图片太大，最大 10 MB', 'The image is too large (10 MB at most)');
  let format: string | undefined;
  try {
    format = (await sharp(input).metadata()).format;
  } catch {
    throw new ImageRejected('不是可以识别的图片文件', 'Not an image file that can be read');
  }
  if (!format || !ACCEPTED.has(format)) throw new ImageRejected('只接受 JPEG、PNG 或 WebP 图片', 'Only JPEG, PNG or WebP images are accepted');
  const { data, info } = await sharp(input)
    .rotate()
    .resize({ width: LONG_SIDE, height: LONG_SIDE, fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: 80, mozjpeg: true })
    .toBuffer({ resolveWithObject: true });
  const sha256 = createHash('sha256').update(data).digest('hex');
  const src = `media/${sha256}.jpg`;
  const path = join(mediaDir, `${sha256}.jpg`);
  if (!existsSync(path)) writeFileAtomic(path, data);
  return { src, width: info.width, height: info.height, bytes: data.length, sha256 };
};
