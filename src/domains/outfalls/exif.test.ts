import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import fc from 'fast-check';
import { exifBlock, readExif } from './exif.ts';
import { withExif } from './exif-write.ts';

const plain = () => sharp({ create: { width: 64, height: 48, channels: 3, background: '#4a7' } }).jpeg().toBuffer();

describe('EXIF reading', () => {
  it('reads position, altitude, time and camera written into a JPEG', async () => {
    const at = new Date('2019-04-02T02:15:30Z');
    const img = withExif(await plain(), { lat: 28.0921, lng: 120.9834, altitudeM: 120.5, takenAt: at, make: 'DJI', model: 'M300' });
    const e = readExif(img);
    expect(e.lat).toBeCloseTo(28.0921, 6);
    expect(e.lng).toBeCloseTo(120.9834, 6);
    expect(e.altitudeM).toBeCloseTo(120.5, 3);
    expect(e.takenAt?.toISOString()).toBe(at.toISOString());
    expect(e.camera).toBe('DJI M300');
    // libvips sees the same block: it is a well-formed EXIF segment
    expect((await sharp(img).metadata()).exif?.length).toBeGreaterThan(0);
  });

  it('gives southern and western coordinates their sign', async () => {
    const e = readExif(withExif(await plain(), { lat: -33.86, lng: -70.65 }));
    expect(e.lat).toBeCloseTo(-33.86, 6);
    expect(e.lng).toBeCloseTo(-70.65, 6);
  });

  it('reads no position from an image without GPS', async () => {
    expect(readExif(await plain())).toEqual({ lat: null, lng: null, altitudeM: null, takenAt: null, camera: null });
    const timeOnly = readExif(withExif(await plain(), { make: 'Phone' }));
    expect(timeOnly.lat).toBeNull();
    expect(timeOnly.camera).toBe('Phone');
  });

  it('reads a PNG and a WebP with no EXIF as no position', async () => {
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } }).png().toBuffer();
    const webp = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } }).webp().toBuffer();
    expect(readExif(png).lat).toBeNull();
    expect(readExif(webp).lat).toBeNull();
  });

  it('survives a corrupt image: truncated segments, pointers outside the block, garbage', async () => {
    const good = withExif(await plain(), { lat: 28.1, lng: 120.9, takenAt: new Date() });
    for (const cut of [3, 10, 20, 40, 80, 120]) expect(() => readExif(good.subarray(0, cut))).not.toThrow();
    const bent = Buffer.from(good);
    bent.writeUInt32BE(0xfffffff0, 4 + 10 + 4); // IFD0 offset far outside the block
    expect(readExif(bent).lat).toBeNull();
    expect(exifBlock(Buffer.from('not an image at all'))).toBeNull();
  });

  it('never throws and never reads outside the buffer, whatever the bytes', async () => {
    const good = withExif(await plain(), { lat: 28.1, lng: 120.9, altitudeM: 3, takenAt: new Date(), make: 'DJI' });
    fc.assert(fc.property(fc.array(fc.tuple(fc.nat({ max: 400 }), fc.nat({ max: 255 })), { maxLength: 20 }), (flips) => {
      const b = Buffer.from(good);
      for (const [i, v] of flips) b[Math.min(i, b.length - 1)] = v;
      const e = readExif(b);
      return (e.lat === null || Math.abs(e.lat) <= 90) && (e.lng === null || Math.abs(e.lng) <= 180);
    }), { numRuns: 300 });
  });
});
