import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

const keyLength = 32;

export function hashWebPassword(password: string): string {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString('hex')}$${scryptSync(password, salt, keyLength).toString('hex')}`;
}

export function verifyWebPassword(password: string, stored: string): boolean {
  const [scheme, saltHex, hashHex] = stored.split('$');
  if (scheme !== 'scrypt' || !saltHex || !hashHex) return false;
  const expected = Buffer.from(hashHex, 'hex');
  const actual = scryptSync(password, Buffer.from(saltHex, 'hex'), keyLength);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
