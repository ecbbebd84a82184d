import { randomBytes, scrypt, scryptSync, timingSafeEqual } from 'node:crypto';

const keyLength = 32;

export function hashWebPassword(password: string): string {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString('hex')}$${scryptSync(password, salt, keyLength).toString('hex')}`;
}

/** Checks a password in libuv's thread pool: a burst of login attempts must not stall every clerk's request. */
export async function verifyWebPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, saltHex, hashHex] = stored.split('$');
  if (scheme !== 'scrypt' || !saltHex || !hashHex) return false;
  const expected = Buffer.from(hashHex, 'hex');
  const actual = await new Promise<Buffer>((resolve, reject) =>
    scrypt(password, Buffer.from(saltHex, 'hex'), keyLength, (error, key) => (error ? reject(error) : resolve(key))),
  );
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
