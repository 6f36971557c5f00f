import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodePng } from './png';

/** Teams asks for a 192×192 full-colour icon and a 32×32 outline icon: white on transparent. */
export const COLOR_SIZE = 192;
export const OUTLINE_SIZE = 32;
/** The colour icon's background (also the manifest's accentColor). */
export const ACCENT = '#4F52B2';

type Point = readonly [number, number];

function inRoundedRect(x: number, y: number, left: number, top: number, right: number, bottom: number, radius: number): boolean {
  if (x < left || x > right || y < top || y > bottom) return false;
  const cx = Math.min(Math.max(x, left + radius), right - radius);
  const cy = Math.min(Math.max(y, top + radius), bottom - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

function inPolygon(x: number, y: number, points: readonly Point[]): boolean {
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i, i += 1) {
    const [xi, yi] = points[i] as Point;
    const [xj, yj] = points[j] as Point;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** The glyph, a video camera, in a unit square. */
function inGlyph(x: number, y: number): boolean {
  return (
    inRoundedRect(x, y, 0.04, 0.24, 0.66, 0.76, 0.1) ||
    inPolygon(x, y, [
      [0.7, 0.44],
      [0.96, 0.28],
      [0.96, 0.72],
      [0.7, 0.56],
    ])
  );
}

/** Fraction of a pixel the glyph covers (4×4 supersampling, for smooth edges). */
function coverage(px: number, py: number, size: number, margin: number): number {
  let hits = 0;
  for (let sy = 0; sy < 4; sy += 1) {
    for (let sx = 0; sx < 4; sx += 1) {
      const x = (px + (sx + 0.5) / 4 - margin) / (size - 2 * margin);
      const y = (py + (sy + 0.5) / 4 - margin) / (size - 2 * margin);
      if (inGlyph(x, y)) hits += 1;
    }
  }
  return hits / 16;
}

function hex(color: string): [number, number, number] {
  const value = Number.parseInt(color.slice(1), 16);
  return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
}

/** White camera on the accent colour, the glyph inside Teams' 120 px safe area. */
export function colorIcon(): Buffer {
  const size = COLOR_SIZE;
  const [r, g, b] = hex(ACCENT);
  const rgba = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const c = coverage(x, y, size, 40);
      const i = (y * size + x) * 4;
      rgba[i] = Math.round(r + (255 - r) * c);
      rgba[i + 1] = Math.round(g + (255 - g) * c);
      rgba[i + 2] = Math.round(b + (255 - b) * c);
      rgba[i + 3] = 255;
    }
  }
  return encodePng(size, size, rgba);
}

/** White camera on a transparent background: every pixel is white, only alpha varies. */
export function outlineIcon(): Buffer {
  const size = OUTLINE_SIZE;
  const rgba = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const i = (y * size + x) * 4;
      rgba[i] = 255;
      rgba[i + 1] = 255;
      rgba[i + 2] = 255;
      rgba[i + 3] = Math.round(255 * coverage(x, y, size, 2));
    }
  }
  return encodePng(size, size, rgba);
}

/** `npm run icons`: writes manifest/color.png and manifest/outline.png. */
export function writeIcons(manifestDir: string): void {
  writeFileSync(join(manifestDir, 'color.png'), colorIcon());
  writeFileSync(join(manifestDir, 'outline.png'), outlineIcon());
}

if (require.main === module) {
  const dir = join(__dirname, '..', '..', 'manifest');
  writeIcons(dir);
  process.stdout.write(`wrote ${join(dir, 'color.png')} (${COLOR_SIZE}×${COLOR_SIZE}) and ${join(dir, 'outline.png')} (${OUTLINE_SIZE}×${OUTLINE_SIZE})\n`);
}
