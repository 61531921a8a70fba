/**
 * The add-in's icons, drawn at build time: a rounded blue tile with three rising bars (a tiny bar
 * chart), encoded as PNG with node:zlib. No binary files in the repository, nothing downloaded.
 */
import { deflateSync } from 'node:zlib';

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const body = Buffer.concat([head.subarray(4), Buffer.from(data)]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body), 0);
  return Buffer.concat([head.subarray(0, 4), body, crc]);
}

/** A PNG of `size`×`size` RGBA pixels (row-major, 4 bytes each). */
export function encodePng(size: number, rgba: Uint8Array): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, rgba.byteOffset + y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', new Uint8Array(0))]);
}

const TILE = [0x1f, 0x4e, 0x78];
const BAR = [0xff, 0xff, 0xff];

/** The icon's pixels: everything is laid out in fractions of the size, so each size looks alike. */
export function iconPixels(size: number): Uint8Array {
  const px = new Uint8Array(size * size * 4);
  const radius = size * 0.18;
  const bars = [
    { x0: 0.2, x1: 0.34, top: 0.58 },
    { x0: 0.43, x1: 0.57, top: 0.4 },
    { x0: 0.66, x1: 0.8, top: 0.22 },
  ];
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const cx = x + 0.5, cy = y + 0.5;
      // Rounded corners: outside the corner circles is transparent.
      const dx = Math.max(radius - cx, cx - (size - radius), 0);
      const dy = Math.max(radius - cy, cy - (size - radius), 0);
      const inside = dx * dx + dy * dy <= radius * radius;
      const i = (y * size + x) * 4;
      if (!inside) continue;
      const fx = cx / size, fy = cy / size;
      const onBar = fy <= 0.8 && bars.some((b) => fx >= b.x0 && fx <= b.x1 && fy >= b.top);
      const [r, g, b] = onBar ? BAR : TILE;
      px[i] = r;
      px[i + 1] = g;
      px[i + 2] = b;
      px[i + 3] = 255;
    }
  }
  return px;
}

export const ICON_SIZES = [16, 32, 64, 80] as const;

export function iconPng(size: number): Buffer {
  return encodePng(size, iconPixels(size));
}
