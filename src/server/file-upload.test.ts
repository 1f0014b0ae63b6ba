import { describe, expect, it } from 'vitest';
import { cleanFileName, imageType } from './file-upload.ts';

describe('file names from clients', () => {
  it('keeps the last segment of any path, Windows ones too', () => {
    expect(cleanFileName('../../etc/passwd.xlsx')).toBe('passwd.xlsx');
    expect(cleanFileName('..\\..\\win.ini.jpg')).toBe('win.ini.jpg');
    expect(cleanFileName('/etc/passwd')).toBe('passwd');
    expect(cleanFileName('C:\\Users\\张三\\现场照片.jpg')).toBe('现场照片.jpg');
    expect(cleanFileName('..')).toBe('');
    expect(cleanFileName('a/..')).toBe('');
  });

  it('drops control and direction characters, and cuts a long name keeping its extension', () => {
    expect(cleanFileName('a\u0000b.jpg')).toBe('ab.jpg');
    expect(cleanFileName('photo\u202Egpj.exe')).toBe('photogpj.exe');
    const long = cleanFileName(`${'长'.repeat(1000)}.xlsx`);
    expect(long).toHaveLength(255);
    expect(long.endsWith('.xlsx')).toBe(true);
    expect(cleanFileName(undefined)).toBe('');
    expect(cleanFileName('CON.jpg')).toBe('CON.jpg'); // a device name only on Windows; never a path here
  });

  it('tells images by their first bytes', () => {
    expect(imageType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(imageType(Buffer.from('MZ\x90\x00'))).toBeNull();
  });
});
