// ZIPs by hand for tests: a small one that is not a workbook, and a strict reader of entries.
import zlib from 'node:zlib';

/** A valid ZIP (stored, one entry) that is not a workbook. */
export function zipOf(name: string, content: string): Buffer {
  const data = Buffer.from(content);
  const crc = zlib.crc32(data);
  const nameBuf = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(nameBuf.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(nameBuf.length, 28);
  const localPart = Buffer.concat([local, nameBuf, data]);
  const centralPart = Buffer.concat([central, nameBuf]);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(centralPart.length, 12);
  end.writeUInt32LE(localPart.length, 16);
  return Buffer.concat([localPart, centralPart, end]);
}

/**
 * A ZIP's entries by name, each checked as a strict reader would: the central directory's CRC and
 * sizes equal the inflated data's, and equal the data descriptor after the data when the local
 * header defers them (flag bit 3). Throws on the first mismatch.
 */
export function zipEntries(buf: Buffer): Map<string, Buffer> {
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('no end of central directory');
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  const out = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error(`central entry ${i}: bad signature`);
    const [crc, csize, usize] = [buf.readUInt32LE(at + 16), buf.readUInt32LE(at + 20), buf.readUInt32LE(at + 24)];
    const nameLen = buf.readUInt16LE(at + 28);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLen);
    const local = buf.readUInt32LE(at + 42);
    at += 46 + nameLen + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    if (buf.readUInt32LE(local) !== 0x04034b50) throw new Error(`${name}: bad local header`);
    const dataAt = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(dataAt, dataAt + csize);
    const raw = buf.readUInt16LE(local + 8) === 8 ? zlib.inflateRawSync(data) : data;
    if ((zlib.crc32(raw) >>> 0) !== crc || raw.length !== usize) throw new Error(`${name}: CRC or size differs from the directory's`);
    if (buf.readUInt16LE(local + 6) & 0x08) {
      const d = dataAt + csize;
      if (buf.readUInt32LE(d) !== 0x08074b50 || buf.readUInt32LE(d + 4) !== crc || buf.readUInt32LE(d + 8) !== csize || buf.readUInt32LE(d + 12) !== usize) {
        throw new Error(`${name}: data descriptor differs from the directory`);
      }
    }
    out.set(name, raw);
  }
  return out;
}
