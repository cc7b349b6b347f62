import { photoPng } from '@gongzhi/testing';
import { between } from './random';

/** A small PNG (a coloured band on grey) standing in for a phone photo. */
export function photo(): Blob {
  const band = [Math.floor(between(80, 230)), Math.floor(between(80, 230)), Math.floor(between(80, 230))] as const;
  return new Blob([new Uint8Array(photoPng({ width: 64, height: 48, band, background: [110, 110, 110] }))], { type: 'image/png' });
}
