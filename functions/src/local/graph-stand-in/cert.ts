import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from 'selfsigned';

export interface StandInCert {
  key: string;
  cert: string;
  /** Where the certificate is stored (for NODE_EXTRA_CA_CERTS in another process). */
  certFile?: string;
}

/**
 * A self-signed certificate for https://127.0.0.1 and https://localhost, made on first start and
 * cached under the data folder (so a shell can trust it once via NODE_EXTRA_CA_CERTS).
 */
export async function standInCert(dataDir?: string): Promise<StandInCert> {
  const dir = dataDir ? join(dataDir, 'graph-stand-in') : undefined;
  const keyFile = dir && join(dir, 'key.pem');
  const certFile = dir && join(dir, 'cert.pem');
  if (keyFile && certFile && existsSync(keyFile) && existsSync(certFile)) {
    const cert = readFileSync(certFile, 'utf8');
    const key = readFileSync(keyFile, 'utf8');
    return { key, cert, certFile };
  }
  const pems = await generate([{ name: 'commonName', value: 'Tandem Graph stand-in' }], {
    keySize: 2048,
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'keyUsage', keyCertSign: true, digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  });
  if (dir && keyFile && certFile) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(keyFile, pems.private, { mode: 0o600 });
    writeFileSync(certFile, pems.cert);
    return { key: pems.private, cert: pems.cert, certFile };
  }
  return { key: pems.private, cert: pems.cert };
}
