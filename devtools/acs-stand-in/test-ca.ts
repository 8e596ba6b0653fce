/**
 * A certificate authority generated at run time, and a server certificate it signed for
 * `localhost`/`127.0.0.1`/`::1`. The ACS stand-in serves HTTPS with it, because the SDK's
 * managed-identity path never sends a bearer token over plain http. Clients trust the CA either
 * through `NODE_EXTRA_CA_CERTS` (read at process start: child processes) or through the SDK's
 * `tlsOptions.ca` (in-process). Generated once per process: key generation is the slow part.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'selfsigned';

export interface TestCertificates {
  /** PEM of the CA: what a client must trust. */
  readonly caCertPem: string;
  /** The same PEM in a file, for `NODE_EXTRA_CA_CERTS`. */
  readonly caCertPath: string;
  readonly serverKeyPem: string;
  readonly serverCertPem: string;
}

let certificates: Promise<TestCertificates> | undefined;

export function testCertificates(): Promise<TestCertificates> {
  certificates ??= createTestCertificates();
  return certificates;
}

async function createTestCertificates(): Promise<TestCertificates> {
  const notBeforeDate = new Date(Date.now() - 60_000);
  const notAfterDate = new Date(Date.now() + 7 * 24 * 3600_000);
  const ca = await generate([{ name: 'commonName', value: 'Switchboard test CA (throwaway)' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  });
  const server = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    ca: { key: ca.private, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
        ],
      },
    ],
  });
  const caCertPath = join(mkdtempSync(join(tmpdir(), 'switchboard-test-ca-')), 'ca.pem');
  writeFileSync(caCertPath, ca.cert);
  return { caCertPem: ca.cert, caCertPath, serverKeyPem: server.private, serverCertPem: server.cert };
}
