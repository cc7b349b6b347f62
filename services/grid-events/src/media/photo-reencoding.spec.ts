import sharp from 'sharp';
import { MAX_PHOTO_EDGE, reencodePhoto, UndecodablePhotoError } from './photo-reencoding';

const solid = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: { r: 30, g: 120, b: 200 } } });

describe('reencodePhoto: only the pixels of a photo are kept', () => {
  it('drops EXIF, GPS included, and keeps the picture upright', async () => {
    // Stored sideways with "rotate 90°" in its EXIF, as phones do.
    const sideways = await solid(40, 20)
      .jpeg()
      .withMetadata({ orientation: 6 })
      .withExifMerge({ IFD0: { Make: 'PhoneCo' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '31/1 14/1 1860/100' } })
      .toBuffer();
    const before = await sharp(sideways).metadata();
    expect([before.orientation, before.exif?.includes(Buffer.from('PhoneCo'))]).toEqual([6, true]);
    const clean = await reencodePhoto(sideways, 'image/jpeg');
    const metadata = await sharp(clean).metadata();
    expect(metadata.exif).toBeUndefined();
    expect([metadata.width, metadata.height]).toEqual([20, 40]);
  });

  it('scales a longer edge down to the bound', async () => {
    const wide = await solid(MAX_PHOTO_EDGE + 500, 10)
      .png()
      .toBuffer();
    const metadata = await sharp(await reencodePhoto(wide, 'image/png')).metadata();
    expect(metadata.width).toBe(MAX_PHOTO_EDGE);
  });

  it('refuses bytes that start like a JPEG and are not one', async () => {
    const fake = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('<script>alert(1)</script>')]);
    await expect(reencodePhoto(fake, 'image/jpeg')).rejects.toBeInstanceOf(UndecodablePhotoError);
  });

  it('refuses a truncated JPEG', async () => {
    const whole = await solid(64, 64).jpeg().toBuffer();
    await expect(reencodePhoto(whole.subarray(0, whole.length / 2), 'image/jpeg')).rejects.toBeInstanceOf(UndecodablePhotoError);
  });

  it('refuses an image of another type than its first bytes claimed', async () => {
    const gif = await solid(8, 8).gif().toBuffer();
    await expect(reencodePhoto(gif, 'image/png')).rejects.toBeInstanceOf(UndecodablePhotoError);
  });
});
