import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../core/errors.ts';
import { decoder, detectDelimiter, detectEncoding } from './encoding.ts';

const SAMPLE = '统一社会信用代码,单位名称,注册地址\n91330382MA2AB3C47E,乐清市东方电气有限公司,乐清市柳市镇\n';
const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as AppError).code;
  }
};

describe('encoding detection', () => {
  it('reads a byte-order mark first', () => {
    expect(detectEncoding(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE)]))).toEqual({ encoding: 'utf-8', bom: 3 });
    expect(detectEncoding(iconv.encode(SAMPLE, 'utf-16le', { addBOM: true }))).toEqual({ encoding: 'utf-16le', bom: 2 });
    expect(detectEncoding(iconv.encode(SAMPLE, 'utf-16be', { addBOM: true }))).toEqual({ encoding: 'utf-16be', bom: 2 });
  });

  it('takes valid UTF-8 without a BOM as UTF-8, even cut in the middle of a character', () => {
    expect(detectEncoding(Buffer.from(SAMPLE))).toEqual({ encoding: 'utf-8', bom: 0 });
    expect(detectEncoding(Buffer.from(SAMPLE).subarray(0, 40))).toEqual({ encoding: 'utf-8', bom: 0 });
    expect(detectEncoding(Buffer.from('plain,ascii\n1,2\n'))).toEqual({ encoding: 'utf-8', bom: 0 });
    expect(detectEncoding(Buffer.alloc(0))).toEqual({ encoding: 'utf-8', bom: 0 });
  });

  it('falls back on GB18030 for GBK and GB18030 files', () => {
    expect(detectEncoding(iconv.encode(SAMPLE, 'gbk'))).toEqual({ encoding: 'gb18030', bom: 0 });
    expect(detectEncoding(iconv.encode(`${SAMPLE}𠀀,䶮,€\n`, 'gb18030'))).toEqual({ encoding: 'gb18030', bom: 0 });
  });

  it('refuses binary data', () => {
    expect(codeOf(() => detectEncoding(randomBytes(4096)))).toBe('REGISTER_ENCODING');
    const noNul = Buffer.from(randomBytes(4096).map((b) => b || 1));
    expect(codeOf(() => detectEncoding(noNul))).toBe('REGISTER_ENCODING');
    expect(codeOf(() => detectEncoding(iconv.encode(SAMPLE, 'utf-16le')))).toBe('REGISTER_ENCODING'); // UTF-16 without a BOM
  });
});

describe('decoding streams', () => {
  const decode = (chunks: Buffer[], enc: Parameters<typeof decoder>[0]) => text(Readable.from(chunks).pipe(decoder(enc)));

  it('decodes UTF-8 split anywhere, dropping the BOM', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE)]);
    const chunks = Array.from({ length: Math.ceil(bytes.length / 7) }, (_, i) => bytes.subarray(i * 7, i * 7 + 7));
    expect(await decode(chunks, 'utf-8')).toBe(SAMPLE);
  });

  it('fails clearly when UTF-8 turns into something else further down', async () => {
    const bytes = Buffer.concat([Buffer.from(SAMPLE), iconv.encode('乐清市西方电气,乐清', 'gbk')]);
    await expect(decode([bytes], 'utf-8')).rejects.toMatchObject({ code: 'REGISTER_ENCODING' });
  });

  it('decodes GB18030 split anywhere', async () => {
    const bytes = iconv.encode(SAMPLE, 'gb18030');
    const chunks = Array.from({ length: Math.ceil(bytes.length / 5) }, (_, i) => bytes.subarray(i * 5, i * 5 + 5));
    expect(await decode(chunks, 'gb18030')).toBe(SAMPLE);
  });
});

describe('separator detection', () => {
  it('picks the most frequent of , ; tab | outside quotes on the header line', () => {
    expect(detectDelimiter('a,b,c\n1,2,3')).toBe(',');
    expect(detectDelimiter('\n\na;b;"c,d,e"\n')).toBe(';');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
    expect(detectDelimiter('a|b|c')).toBe('|');
    expect(detectDelimiter('单位名称')).toBe(',');
  });
});
