import sharp from 'sharp';
import type { ImageType } from './media-store';

/** A decompression bomb (a tiny file that decodes to gigapixels) is refused before it fills memory. */
export const MAX_PHOTO_INPUT_PIXELS = 50_000_000;
/** Longer edges are scaled down: a phone photo of any size still reads well on every screen. */
export const MAX_PHOTO_EDGE = 4096;

export class UndecodablePhotoError extends Error {
  constructor(
    readonly claimed: ImageType,
    cause: unknown,
  ) {
    super(`the file starts like ${claimed} but does not decode as one`, { cause });
    this.name = 'UndecodablePhotoError';
  }
}

/**
 * Decodes the photo and encodes it afresh as the same type. Only pixels survive: EXIF (GPS position, camera,
 * time), XMP and comments are not copied, and a file that only looks like an image (a script behind JPEG magic
 * bytes) fails to decode. The EXIF orientation is applied to the pixels first, so the photo stays upright.
 */
export async function reencodePhoto(bytes: Buffer, type: ImageType): Promise<Buffer> {
  try {
    const decoded = sharp(bytes, { limitInputPixels: MAX_PHOTO_INPUT_PIXELS, failOn: 'warning' });
    const { format } = await decoded.metadata();
    if (format !== FORMAT_OF[type]) throw new Error(`decodes as ${format ?? 'nothing'}`);
    const upright = decoded.rotate().resize({ width: MAX_PHOTO_EDGE, height: MAX_PHOTO_EDGE, fit: 'inside', withoutEnlargement: true });
    switch (type) {
      case 'image/jpeg':
        return await upright.jpeg({ quality: 85 }).toBuffer();
      case 'image/png':
        return await upright.png().toBuffer();
      case 'image/webp':
        return await upright.webp({ quality: 85 }).toBuffer();
      default: {
        const unknown: never = type;
        throw new Error(`no encoder for ${String(unknown)}`);
      }
    }
  } catch (error) {
    throw new UndecodablePhotoError(type, error);
  }
}

const FORMAT_OF: Readonly<Record<ImageType, string>> = { 'image/jpeg': 'jpeg', 'image/png': 'png', 'image/webp': 'webp' };
