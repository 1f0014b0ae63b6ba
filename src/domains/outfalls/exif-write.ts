// A minimal EXIF writer for the demo's drone images and the tests' fixtures: a big-endian TIFF
// block with the camera, the local time and a GPS IFD, put in a JPEG as its APP1 segment.

export interface ExifInput {
  lat?: number;
  lng?: number;
  altitudeM?: number;
  /** Written as the GPS time (UTC) and as the local time in China. */
  takenAt?: Date;
  make?: string;
  model?: string;
}

interface Entry { tag: number; type: number; count: number; data: Buffer }

const ascii = (tag: number, s: string): Entry => { const data = Buffer.from(`${s}\0`, 'latin1'); return { tag, type: 2, count: data.length, data }; };
const long = (tag: number, v: number): Entry => { const data = Buffer.alloc(4); data.writeUInt32BE(v); return { tag, type: 4, count: 1, data }; };
const byte = (tag: number, v: number): Entry => ({ tag, type: 1, count: 1, data: Buffer.from([v]) });
function rationals(tag: number, xs: number[]): Entry {
  const data = Buffer.alloc(8 * xs.length);
  xs.forEach((x, i) => { const den = 10000; data.writeUInt32BE(Math.round(x * den), 8 * i); data.writeUInt32BE(den, 8 * i + 4); });
  return { tag, type: 5, count: xs.length, data };
}
const dms = (v: number) => { const a = Math.abs(v); const d = Math.floor(a); const m = Math.floor((a - d) * 60); return [d, m, (a - d - m / 60) * 3600]; };

/** Lays out IFDs one after another from offset 8; pointers are patched once offsets are known. */
function tiff(ifds: Entry[][], pointers: Array<{ from: number; tag: number; to: number }>): Buffer {
  const sizes = ifds.map((es) => 2 + es.length * 12 + 4 + es.reduce((n, e) => n + (e.data.length > 4 ? e.data.length + (e.data.length % 2) : 0), 0));
  const offsets: number[] = [];
  let at = 8;
  for (const s of sizes) { offsets.push(at); at += s; }
  for (const p of pointers) ifds[p.from].find((e) => e.tag === p.tag)!.data.writeUInt32BE(offsets[p.to]);
  const out = Buffer.alloc(at);
  out.write('MM', 0, 'latin1');
  out.writeUInt16BE(42, 2);
  out.writeUInt32BE(8, 4);
  ifds.forEach((es, k) => {
    const base = offsets[k];
    let extra = base + 2 + es.length * 12 + 4;
    out.writeUInt16BE(es.length, base);
    es.sort((a, b) => a.tag - b.tag).forEach((e, i) => {
      const o = base + 2 + i * 12;
      out.writeUInt16BE(e.tag, o);
      out.writeUInt16BE(e.type, o + 2);
      out.writeUInt32BE(e.count, o + 4);
      if (e.data.length <= 4) e.data.copy(out, o + 8);
      else { out.writeUInt32BE(extra, o + 8); e.data.copy(out, extra); extra += e.data.length + (e.data.length % 2); }
    });
  });
  return out;
}

export function exifTiff(x: ExifInput): Buffer {
  const ifd0: Entry[] = [];
  const exif: Entry[] = [];
  const gps: Entry[] = [];
  if (x.make) ifd0.push(ascii(0x010f, x.make));
  if (x.model) ifd0.push(ascii(0x0110, x.model));
  if (x.takenAt) {
    const local = new Date(x.takenAt.getTime() + 8 * 3600_000).toISOString();
    exif.push(ascii(0x9003, `${local.slice(0, 10).replace(/-/g, ':')} ${local.slice(11, 19)}`), ascii(0x9011, '+08:00'));
    const u = x.takenAt.toISOString();
    gps.push(ascii(0x1d, u.slice(0, 10).replace(/-/g, ':')), rationals(7, [x.takenAt.getUTCHours(), x.takenAt.getUTCMinutes(), x.takenAt.getUTCSeconds()]));
  }
  if (x.lat !== undefined && x.lng !== undefined) {
    gps.push(ascii(1, x.lat < 0 ? 'S' : 'N'), rationals(2, dms(x.lat)), ascii(3, x.lng < 0 ? 'W' : 'E'), rationals(4, dms(x.lng)));
  }
  if (x.altitudeM !== undefined) gps.push(byte(5, x.altitudeM < 0 ? 1 : 0), rationals(6, [Math.abs(x.altitudeM)]));
  const ifds = [ifd0];
  const pointers: Array<{ from: number; tag: number; to: number }> = [];
  if (exif.length) { ifd0.push(long(0x8769, 0)); pointers.push({ from: 0, tag: 0x8769, to: ifds.length }); ifds.push(exif); }
  if (gps.length) { ifd0.push(long(0x8825, 0)); pointers.push({ from: 0, tag: 0x8825, to: ifds.length }); ifds.push(gps); }
  return tiff(ifds, pointers);
}

/** The JPEG with an EXIF APP1 segment right after its start marker. */
export function withExif(jpeg: Buffer, x: ExifInput): Buffer {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) throw new Error('not a JPEG');
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), exifTiff(x)]);
  const head = Buffer.alloc(4);
  head.writeUInt16BE(0xffe1, 0);
  head.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), head, body, jpeg.subarray(2)]);
}
