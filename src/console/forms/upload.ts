/**
 * An image sent to the service's existing upload (POST /api/media), which checks it, shrinks it to
 * the size boxes show and re-encodes it as JPEG without EXIF; the form keeps what it answers.
 */
import { ApiError } from '../api';

export interface UploadedImage {
  src: string;
  width: number;
  height: number;
}

/** A rectangle of the photo as it stands upright, in fractions of its width and height; the service cuts it. */
export interface CropBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const uploadImage = async (file: File, csrfToken: string, crop?: CropBox): Promise<UploadedImage> => {
  const query = crop
    ? `?${new URLSearchParams({
        cropX: String(crop.x),
        cropY: String(crop.y),
        cropWidth: String(crop.width),
        cropHeight: String(crop.height),
      }).toString()}`
    : '';
  let response: Response;
  try {
    response = await fetch(`/api/media${query}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': file.type || 'application/octet-stream', 'x-csrf-token': csrfToken },
      body: file,
    });
  } catch {
    throw new ApiError(0, '', '');
  }
  const answer = (await response.json().catch(() => null)) as
    (UploadedImage & { error?: { zh: string; en: string } }) | null;
  if (!response.ok)
    throw new ApiError(
      response.status,
      answer?.error?.zh ?? `HTTP ${response.status}`,
      answer?.error?.en ?? `HTTP ${response.status}`,
    );
  return { src: answer!.src, width: answer!.width, height: answer!.height };
};
