/**
 * Draws the add-in's icons (assets/icon-{16,32,64,80,128}.png): a Fluent-blue rounded tile
 * with three white server bars, the top one narrower — many boxes becoming a few.
 * Pure Node (zlib), 4× supersampled. Run: `npx tsx test/tools/make-icons.ts`.
 */
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const SIZES = [16, 32, 64, 80, 128];
const BLUE = [15, 108, 189];
const WHITE = [255, 255, 255];
const GREEN = [16, 124, 16];

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** Inside a rounded rectangle (unit coordinates). */
function inRoundRect(
  x: number,
  y: number,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  r: number
): boolean {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r && x >= x0 && x <= x1 && y >= y0 && y <= y1;
}

function colourAt(x: number, y: number): [number[], number] | null {
  if (!inRoundRect(x, y, 0.02, 0.02, 0.98, 0.98, 0.18)) return null;
  const bars = [
    { y0: 0.2, y1: 0.36, x0: 0.2, x1: 0.8 },
    { y0: 0.42, y1: 0.58, x0: 0.2, x1: 0.8 },
    { y0: 0.64, y1: 0.8, x0: 0.2, x1: 0.8 },
  ];
  for (const b of bars) {
    if (inRoundRect(x, y, b.x0, b.y0, b.x1, b.y1, 0.04)) {
      const ledX = b.x1 - 0.1;
      const ledY = (b.y0 + b.y1) / 2;
      if ((x - ledX) ** 2 + (y - ledY) ** 2 <= 0.035 ** 2) return [GREEN, 255];
      return [WHITE, 255];
    }
  }
  return [BLUE, 255];
}

function render(size: number): Buffer {
  const ss = 4;
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let py = 0; py < size; py++) {
    raw[py * (size * 4 + 1)] = 0;
    for (let px = 0; px < size; px++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const hit = colourAt((px + (sx + 0.5) / ss) / size, (py + (sy + 0.5) / ss) / size);
          if (!hit) continue;
          const [c, alpha] = hit;
          r += (c[0] as number) * alpha;
          g += (c[1] as number) * alpha;
          b += (c[2] as number) * alpha;
          a += alpha;
        }
      }
      const o = py * (size * 4 + 1) + 1 + px * 4;
      raw[o] = a ? Math.round(r / a) : 0;
      raw[o + 1] = a ? Math.round(g / a) : 0;
      raw[o + 2] = a ? Math.round(b / a) : 0;
      raw[o + 3] = Math.round(a / (ss * ss));
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

for (const size of SIZES) writeFileSync(`assets/icon-${size}.png`, render(size));
console.log(`wrote ${SIZES.map((s) => `assets/icon-${s}.png`).join(", ")}`);
