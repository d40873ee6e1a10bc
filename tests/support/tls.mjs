// A self-signed certificate made at test time for the replica portals' real host names.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const REPLICA_HOSTS = ['support.puppet.com', 'portal.perforce.com', 'www.example.org'];

export function makeCertificate(hosts = REPLICA_HOSTS) {
  const dir = mkdtempSync(join(tmpdir(), 'pg-tls-'));
  try {
    const san = hosts.map((h) => `DNS:${h}`).join(',');
    execFileSync(
      'openssl',
      [
        'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=priority-guard-replica',
        '-addext', `subjectAltName=${san}`,
        '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
