/** The longest side a photo keeps: enough to read a sign or a crack, and far below the server's 5 MB. */
export const MAX_PHOTO_SIDE = 2048;
const QUALITIES = [0.85, 0.7, 0.5];
const MAX_BYTES = 4 * 1024 * 1024;

/**
 * A phone photo (often 4000 px and 6–12 MB) as a JPEG whose long side is at most 2048 px, drawn on a
 * canvas, which also drops its EXIF (the GPS position of the resident's home among it). Anything the
 * browser cannot decode goes as it is: the server then says plainly what is wrong with it.
 */
export async function resizePhoto(file: Blob): Promise<Blob> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return file;
  }
  try {
    const scale = Math.min(1, MAX_PHOTO_SIDE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    const context = canvas.getContext('2d');
    if (!context) return file;
    // JPEG has no transparency: a PNG's clear parts become white, not black.
    context.fillStyle = '#fff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    for (const quality of QUALITIES) {
      const jpeg = await new Promise<Blob | null>((done) => canvas.toBlob(done, 'image/jpeg', quality));
      if (jpeg && (jpeg.size <= MAX_BYTES || quality === QUALITIES[QUALITIES.length - 1])) return jpeg;
    }
    return file;
  } finally {
    bitmap.close();
  }
}
