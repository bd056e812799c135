/**
 * Draws Tandem's two Teams icons: two linked rings, one for each side of a pair, overlapping in
 * what they learn from each other. Shapes are exact circles sampled 8 × 8 per pixel, so the PNGs
 * are reproducible without a browser or an image library.
 *
 *   npx tsx scripts/package/draw-icons.ts        # writes appPackage/color.png and appPackage/outline.png
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { encodePng } from './png';

/** The app's accent colour (also manifest.json accentColor). */
export const ACCENT = '#0E7C86';
const LENS = '#FFB547';

interface Rings {
  size: number;
  /** Horizontal distance of each ring's centre from the middle. */
  offset: number;
  radius: number;
  stroke: number;
}

const COLOR: Rings = { size: 192, offset: 20, radius: 34, stroke: 9 };
const OUTLINE: Rings = { size: 32, offset: 5.25, radius: 8.25, stroke: 2.25 };
const SAMPLES = 8;

function hex(color: string): [number, number, number] {
  const n = Number.parseInt(color.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Fraction of the pixel (x, y) covered by `inside`, from SAMPLES × SAMPLES points. */
function coverage(x: number, y: number, inside: (px: number, py: number) => boolean): number {
  let hits = 0;
  for (let i = 0; i < SAMPLES; i++) {
    for (let j = 0; j < SAMPLES; j++) {
      if (inside(x + (i + 0.5) / SAMPLES, y + (j + 0.5) / SAMPLES)) hits++;
    }
  }
  return hits / (SAMPLES * SAMPLES);
}

function shapes(r: Rings) {
  const c = r.size / 2;
  const left = c - r.offset;
  const right = c + r.offset;
  const dist = (px: number, py: number, cx: number) => Math.hypot(px - cx, py - c);
  const onRing = (d: number) => Math.abs(d - r.radius) <= r.stroke / 2;
  return {
    ring: (px: number, py: number) => onRing(dist(px, py, left)) || onRing(dist(px, py, right)),
    lens: (px: number, py: number) => dist(px, py, left) < r.radius && dist(px, py, right) < r.radius,
  };
}

/** 192 × 192, full-bleed accent background, white rings, warm lens where they overlap. */
export function drawColorIcon(): Buffer {
  const { size } = COLOR;
  const { ring, lens } = shapes(COLOR);
  const bg = hex(ACCENT);
  const lensColor = hex(LENS);
  const rgba = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const l = coverage(x, y, lens);
      const w = coverage(x, y, ring);
      const o = (y * size + x) * 4;
      for (let k = 0; k < 3; k++) {
        const base = (bg[k] as number) * (1 - l) + (lensColor[k] as number) * l;
        rgba[o + k] = Math.round(base * (1 - w) + 255 * w);
      }
      rgba[o + 3] = 255;
    }
  }
  return encodePng(size, size, rgba);
}

/** 32 × 32, white on transparent: the same rings with the lens filled, coverage in alpha only. */
export function drawOutlineIcon(): Buffer {
  const { size } = OUTLINE;
  const { ring, lens } = shapes(OUTLINE);
  const rgba = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const a = coverage(x, y, (px, py) => ring(px, py) || lens(px, py));
      const o = (y * size + x) * 4;
      rgba[o] = 255;
      rgba[o + 1] = 255;
      rgba[o + 2] = 255;
      rgba[o + 3] = Math.round(a * 255);
    }
  }
  return encodePng(size, size, rgba);
}

if (require.main === module) {
  const dir = resolve(__dirname, '../../appPackage');
  writeFileSync(join(dir, 'color.png'), drawColorIcon());
  writeFileSync(join(dir, 'outline.png'), drawOutlineIcon());
  console.log(`Wrote ${join(dir, 'color.png')} and ${join(dir, 'outline.png')}`);
}
