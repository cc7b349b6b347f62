/** Port: where photos live. Local disk by default; an S3-compatible adapter in production. */
export interface MediaStore {
  put(photo: { readonly id: string; readonly bytes: Buffer; readonly contentType: ImageType; readonly uploadedBy: string }): Promise<void>;
  get(id: string): Promise<StoredPhoto | undefined>;
  exists(id: string): Promise<boolean>;
}

export interface StoredPhoto {
  readonly id: string;
  readonly bytes: Buffer;
  readonly contentType: ImageType;
  /** Who uploaded it: the only reader of a photo no case names yet. */
  readonly uploadedBy: string;
}

export type ImageType = 'image/jpeg' | 'image/png' | 'image/webp';

/** The image type the bytes themselves declare (magic numbers), whatever the upload claimed. */
export function sniffImageType(bytes: Buffer): ImageType | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.length >= 12 && bytes.toString('ascii', 0, 4) === 'RIFF' && bytes.toString('ascii', 8, 12) === 'WEBP') return 'image/webp';
  return undefined;
}
