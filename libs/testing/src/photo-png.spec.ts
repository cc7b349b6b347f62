import sharp from 'sharp';
import { photoPng, TINY_PNG } from './photo-png';

// The stand-in photos must be images an image decoder accepts, or every upload test tests nothing.
describe('stand-in photos', () => {
  it('decode to the size asked for, with the band across the middle third', async () => {
    const { data, info } = await sharp(photoPng({ width: 4, height: 6, band: [200, 10, 20], background: [1, 2, 3] }))
      .raw()
      .toBuffer({ resolveWithObject: true });

    expect({ width: info.width, height: info.height, channels: info.channels }).toEqual({ width: 4, height: 6, channels: 3 });
    const rowColour = (y: number) => [...data.subarray(y * 4 * 3, y * 4 * 3 + 3)];
    expect([0, 1, 2, 3, 4, 5].map(rowColour)).toEqual([[1, 2, 3], [1, 2, 3], [1, 2, 3], [200, 10, 20], [1, 2, 3], [1, 2, 3]]);
  });

  it('include a 1×1 PNG that decodes', async () => {
    const { width, height, format } = await sharp(TINY_PNG).metadata();

    expect({ width, height, format }).toEqual({ width: 1, height: 1, format: 'png' });
  });
});
