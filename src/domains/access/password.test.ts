import { describe, expect, it } from 'vitest';
import { hashPassword, isStrongPassword, verifyPassword } from './password.ts';

describe('passwords', () => {
  it('hashes with a salt and verifies only the right password', async () => {
    const a = await hashPassword('Pucha2018');
    const b = await hashPassword('Pucha2018');
    expect(a).not.toBe(b);
    expect(a.startsWith('scrypt$')).toBe(true);
    expect(await verifyPassword('Pucha2018', a)).toBe(true);
    expect(await verifyPassword('pucha2018', a)).toBe(false);
    expect(await verifyPassword('Pucha2018', 'garbage')).toBe(false);
  });
  it('asks for 8 characters with letters and digits', () => {
    expect(isStrongPassword('abc12345')).toBe(true);
    expect(isStrongPassword('abcdefgh')).toBe(false);
    expect(isStrongPassword('1234567')).toBe(false);
  });
});
