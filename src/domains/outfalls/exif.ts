// Where and when a drone or camera image was taken, read from its EXIF (a TIFF structure inside
// a JPEG APP1 segment, a PNG eXIf chunk or a WebP EXIF chunk). Written by hand over the bytes
// with every offset bounds-checked: a file is the uploader's, and a malformed EXIF block must
// give "no position", never an exception or a read outside the buffer.

export interface ExifInfo {
  lat: number | null;
  lng: number | null;
  altitudeM: number | null;
  takenAt: Date | null;
  camera: string | null;
}

const NONE: ExifInfo = { lat: null, lng: null, altitudeM: null, takenAt: null, camera: null };
const TYPE_SIZE: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 7: 1, 9: 4, 10: 8 };
const MAX_ENTRIES = 512;

/** The TIFF block of an image's EXIF, or null when the file carries none. */
export function exifBlock(buf: Buffer): Buffer | null {
  if (buf.length > 4 && buf[0] === 0xff && buf[1] === 0xd8) {
    let i = 2;
    while (i + 4 <= buf.length && buf[i] === 0xff) {
      const marker = buf[i + 1];
      if (marker === 0xd9 || marker === 0xda) break; // end of image, start of scan: no more metadata
      const len = buf.readUInt16BE(i + 2);
      if (len < 2 || i + 2 + len > buf.length) break;
      if (marker === 0xe1 && len >= 8 && buf.toString('latin1', i + 4, i + 10) === 'Exif\0\0') return buf.subarray(i + 10, i + 2 + len);
      i += 2 + len;
    }
    return null;
  }
  if (buf.length > 8 && buf.readUInt32BE(0) === 0x89504e47) {
    let i = 8;
    while (i + 12 <= buf.length) {
      const len = buf.readUInt32BE(i);
      const type = buf.toString('latin1', i + 4, i + 8);
      if (i + 12 + len > buf.length) break;
      if (type === 'eXIf') return buf.subarray(i + 8, i + 8 + len);
      if (type === 'IDAT' || type === 'IEND') break;
      i += 12 + len;
    }
    return null;
  }
  if (buf.length > 12 && buf.toString('latin1', 0, 4) === 'RIFF' && buf.toString('latin1', 8, 12) === 'WEBP') {
    let i = 12;
    while (i + 8 <= buf.length) {
      const type = buf.toString('latin1', i, i + 4);
      const len = buf.readUInt32LE(i + 4);
      if (i + 8 + len > buf.length) break;
      if (type === 'EXIF') {
        const b = buf.subarray(i + 8, i + 8 + len);
        return b.toString('latin1', 0, 6) === 'Exif\0\0' ? b.subarray(6) : b;
      }
      i += 8 + len + (len % 2);
    }
  }
  return null;
}

type Value = number[] | string;

class Tiff {
  constructor(private b: Buffer, private le: boolean) {}
  u16(o: number) { return this.le ? this.b.readUInt16LE(o) : this.b.readUInt16BE(o); }
  u32(o: number) { return this.le ? this.b.readUInt32LE(o) : this.b.readUInt32BE(o); }
  i32(o: number) { return this.le ? this.b.readInt32LE(o) : this.b.readInt32BE(o); }

  /** The entries of the IFD at `off`, by tag; nothing when it lies outside the block. */
  ifd(off: number): Map<number, Value> {
    const out = new Map<number, Value>();
    if (off < 8 || off + 2 > this.b.length) return out;
    const n = Math.min(this.u16(off), MAX_ENTRIES);
    for (let k = 0; k < n; k++) {
      const e = off + 2 + k * 12;
      if (e + 12 > this.b.length) break;
      const tag = this.u16(e);
      const type = this.u16(e + 2);
      const count = this.u32(e + 4);
      const size = TYPE_SIZE[type];
      if (!size || count > 4096) continue;
      const total = size * count;
      const at = total <= 4 ? e + 8 : this.u32(e + 8);
      if (at + total > this.b.length) continue;
      out.set(tag, this.read(type, count, at));
    }
    return out;
  }

  private read(type: number, count: number, at: number): Value {
    if (type === 2) return this.b.toString('latin1', at, at + count).replace(/\0[\s\S]*$/, '').trim();
    const xs: number[] = [];
    for (let k = 0; k < count; k++) {
      if (type === 1 || type === 7) xs.push(this.b[at + k]);
      else if (type === 3) xs.push(this.u16(at + 2 * k));
      else if (type === 4) xs.push(this.u32(at + 4 * k));
      else if (type === 9) xs.push(this.i32(at + 4 * k));
      else {
        const num = type === 5 ? this.u32(at + 8 * k) : this.i32(at + 8 * k);
        const den = type === 5 ? this.u32(at + 8 * k + 4) : this.i32(at + 8 * k + 4);
        xs.push(den === 0 ? NaN : num / den);
      }
    }
    return xs;
  }
}

const nums = (v: Value | undefined) => (Array.isArray(v) ? v : null);
const text = (v: Value | undefined) => (typeof v === 'string' ? v : null);

function degrees(v: Value | undefined, ref: string | null, neg: string): number | null {
  const d = nums(v);
  if (!d || d.length < 1 || d.some((x) => !Number.isFinite(x))) return null;
  // Seven decimals (about 1 cm): the sum of rationals carries float noise beyond that.
  const deg = Math.round((d[0] + (d[1] ?? 0) / 60 + (d[2] ?? 0) / 3600) * 1e7) / 1e7;
  return ref?.toUpperCase().startsWith(neg) ? -deg : deg;
}

/** `YYYY:MM:DD HH:MM:SS` with an offset (camera clocks keep local time; China's when none is given). */
function localTime(v: string | null, offset: string | null): Date | null {
  const m = v ? /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(v) : null;
  if (!m) return null;
  const off = offset && /^[+-]\d{2}:\d{2}$/.test(offset) ? offset : '+08:00';
  const d = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${off}`);
  return Number.isNaN(d.getTime()) ? null : d;
}

function gpsTime(date: string | null, time: Value | undefined): Date | null {
  const dm = date ? /^(\d{4}):(\d{2}):(\d{2})$/.exec(date) : null;
  const t = nums(time);
  if (!dm || !t || t.length < 3 || t.some((x) => !Number.isFinite(x))) return null;
  const ms = Date.UTC(Number(dm[1]), Number(dm[2]) - 1, Number(dm[3]), 0, 0, 0) + ((t[0] * 60 + t[1]) * 60 + t[2]) * 1000;
  return Number.isFinite(ms) ? new Date(ms) : null;
}

/** Position, altitude, time and camera of an image; fields it cannot read are null. */
export function readExif(buf: Buffer): ExifInfo {
  const block = exifBlock(buf);
  if (!block || block.length < 8) return NONE;
  const order = block.toString('latin1', 0, 2);
  if (order !== 'II' && order !== 'MM') return NONE;
  const t = new Tiff(block, order === 'II');
  if (t.u16(2) !== 42) return NONE;
  const ifd0 = t.ifd(t.u32(4));
  const exifPtr = nums(ifd0.get(0x8769))?.[0];
  const gpsPtr = nums(ifd0.get(0x8825))?.[0];
  const exif = exifPtr ? t.ifd(exifPtr) : new Map<number, Value>();
  const gps = gpsPtr ? t.ifd(gpsPtr) : new Map<number, Value>();

  let lat = degrees(gps.get(2), text(gps.get(1)), 'S');
  let lng = degrees(gps.get(4), text(gps.get(3)), 'W');
  if (lat === null || lng === null || Math.abs(lat) > 90 || Math.abs(lng) > 180 || (lat === 0 && lng === 0)) lat = lng = null;
  const alt = nums(gps.get(6))?.[0];
  const altitudeM = alt !== undefined && Number.isFinite(alt) ? (nums(gps.get(5))?.[0] === 1 ? -alt : alt) : null;
  const takenAt = gpsTime(text(gps.get(0x1d)), gps.get(7))
    ?? localTime(text(exif.get(0x9003)) ?? text(ifd0.get(0x0132)), text(exif.get(0x9011)));
  const camera = [text(ifd0.get(0x010f)), text(ifd0.get(0x0110))].filter(Boolean).join(' ').slice(0, 100) || null;
  return { lat, lng, altitudeM, takenAt, camera };
}
