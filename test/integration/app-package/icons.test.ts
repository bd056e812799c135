import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { drawColorIcon, drawOutlineIcon } from '../../../scripts/package/draw-icons';
import { readPng } from './read-png';

const ROOT = join(__dirname, '../../..');
const color = readFileSync(join(ROOT, 'appPackage/color.png'));
const outline = readFileSync(join(ROOT, 'appPackage/outline.png'));

function alphas(pixels: Uint8Array): number[] {
  return Array.from({ length: pixels.length / 4 }, (_, i) => pixels[i * 4 + 3] as number);
}

describe('app icons', () => {
  it('color.png is 192 × 192 and fully opaque (solid background)', () => {
    const image = readPng(color);
    expect([image.width, image.height]).toEqual([192, 192]);
    expect(alphas(image.pixels).every((a) => a === 255)).toBe(true);
  });

  it('outline.png is 32 × 32, white on a transparent background', () => {
    const image = readPng(outline);
    expect([image.width, image.height]).toEqual([32, 32]);
    expect(image.colourType).toBe(6); // has an alpha channel
    const a = alphas(image.pixels);
    expect(a[0]).toBe(0); // corners are transparent
    expect(a[31]).toBe(0);
    expect(a.filter((v) => v === 0).length).toBeGreaterThan(32 * 32 * 0.3);
    expect(a.filter((v) => v === 255).length).toBeGreaterThan(32 * 4); // a visible shape
  });

  it('outline.png uses only white: every pixel is white, the shape lives in alpha alone', () => {
    const { pixels } = readPng(outline);
    const offWhite: number[] = [];
    for (let i = 0; i < pixels.length; i += 4) {
      if (pixels[i] !== 255 || pixels[i + 1] !== 255 || pixels[i + 2] !== 255) offWhite.push(i / 4);
    }
    expect(offWhite).toEqual([]);
  });

  it('are exactly what scripts/package/draw-icons.ts draws (the committed PNGs are up to date)', () => {
    expect(drawColorIcon().equals(color)).toBe(true);
    expect(drawOutlineIcon().equals(outline)).toBe(true);
  });
});
