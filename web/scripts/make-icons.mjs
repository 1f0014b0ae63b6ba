// Draws the PWA's PNG icons (the same magnifier as public/icon.svg) without any
// image library: shapes as distance tests, 4×4 supersampling, zlib for the PNG.
// Run: node web/scripts/make-icons.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const out = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'public');

const BLUE = [0x1f, 0x4e, 0x8c];
const WHITE = [0xff, 0xff, 0xff];
const GREEN = [0x5f, 0xd1, 0x8b];

/** Distance from p to the segment a–b. */
function segmentDistance(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

/** Colour at a point of the 512-unit design, or null where it is transparent. */
function designs(maskable) {
  // The maskable variant is full-bleed and smaller, to stay in the 80% safe circle.
  const s = maskable
    ? { c: 236, r: 84, w: 28, dot: 30, h0: 95, h1: 207, hw: 17, corner: 0 }
    : { c: 228, r: 112, w: 36, dot: 40, h0: 125, h1: 275, hw: 22, corner: 96 };
  const k = Math.SQRT1_2;
  return (x, y) => {
    if (s.corner) {
      const qx = Math.max(s.corner - x, 0, x - (512 - s.corner));
      const qy = Math.max(s.corner - y, 0, y - (512 - s.corner));
      if (Math.hypot(qx, qy) > s.corner) return null;
    }
    const d = Math.hypot(x - s.c, y - s.c);
    if (d <= s.dot) return GREEN;
    if (Math.abs(d - s.r) <= s.w / 2) return WHITE;
    const h = segmentDistance(x, y, s.c + (s.h0 + s.hw) * k, s.c + (s.h0 + s.hw) * k, s.c + (s.h1 - s.hw) * k, s.c + (s.h1 - s.hw) * k);
    if (h <= s.hw) return WHITE;
    return BLUE;
  };
}

function render(size, maskable) {
  const colourAt = designs(maskable);
  const N = 4;
  const scale = 512 / size;
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    const row = y * (size * 4 + 1);
    rows[row] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < N; sy++) {
        for (let sx = 0; sx < N; sx++) {
          const c = colourAt((x + (sx + 0.5) / N) * scale, (y + (sy + 0.5) / N) * scale);
          if (!c) continue;
          r += c[0]; g += c[1]; b += c[2]; a++;
        }
      }
      const o = row + 1 + x * 4;
      if (a) {
        rows[o] = Math.round(r / a);
        rows[o + 1] = Math.round(g / a);
        rows[o + 2] = Math.round(b / a);
      }
      rows[o + 3] = Math.round((a / (N * N)) * 255);
    }
  }
  return png(size, size, rows);
}

const CRC = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function png(width, height, raw) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const [name, size, maskable] of [
  ['icon-192.png', 192, false],
  ['icon-512.png', 512, false],
  ['icon-maskable-512.png', 512, true],
]) {
  fs.writeFileSync(path.join(out, name), render(size, maskable));
  console.log(`wrote ${name}`);
}
