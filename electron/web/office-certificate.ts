import { X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { generate } from 'selfsigned';

export interface OfficeCertificate {
  key: string;
  cert: string;
  /** SHA-256 of the certificate as browsers show it (AB:CD:…), for the clerks to compare before they log in. */
  fingerprint: string;
  /** Where it is kept: the same certificate, so the same fingerprint, every time the office server starts. */
  certFile: string;
}

const validForYears = 10;

/** The addresses other machines of the office may use to reach this one. */
export function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((a) => a !== undefined && a.family === 'IPv4' && !a.internal)
    .map((a) => a!.address);
}

function stillValid(cert: string): boolean {
  const parsed = new X509Certificate(cert);
  return Date.parse(parsed.validTo) > Date.now();
}

async function makeCertificate(): Promise<{ key: string; cert: string }> {
  const now = new Date();
  const notAfterDate = new Date(now);
  notAfterDate.setFullYear(now.getFullYear() + validForYears);
  const pems = await generate([{ name: 'commonName', value: `ChiTieu ${hostname()}` }], {
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate: now,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 2, value: hostname() },
          { type: 7, ip: '127.0.0.1' },
          ...lanAddresses().map((ip) => ({ type: 7 as const, ip })),
        ],
      },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}

/**
 * The office server's own certificate, made once in DATA/tls and kept: a self-signed certificate is as good as its
 * fingerprint is known, so it must not change from one start to the next. Made again only when it has expired.
 */
export async function officeCertificate(dataDir: string): Promise<OfficeCertificate> {
  const folder = join(dataDir, 'tls');
  const certFile = join(folder, 'chitieu-office.crt');
  const keyFile = join(folder, 'chitieu-office.key');
  let pair: { key: string; cert: string };
  if (existsSync(certFile) && existsSync(keyFile) && stillValid(readFileSync(certFile, 'utf8'))) {
    pair = { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8') };
  } else {
    pair = await makeCertificate();
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    writeFileSync(keyFile, pair.key, { mode: 0o600 });
    writeFileSync(certFile, pair.cert);
  }
  return { ...pair, fingerprint: new X509Certificate(pair.cert).fingerprint256, certFile };
}
