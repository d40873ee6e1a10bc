// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256Sums } from '../../../scripts/release/checksums';
import { compareFileSets } from '../../../scripts/release/compare-files';
import { extractZip, readZip } from '../../../scripts/release/zip-file';
import { makeZip } from './binary-fixtures';

const names = { expected: 'the zip', actual: 'the rebuild' };
const files = (entries: Record<string, string>) => new Map(Object.entries(entries).map(([k, v]) => [k, Buffer.from(v)]));

describe('release artifacts', () => {
  it('reads deflated and stored entries, leaving folders out', () => {
    const big = 'x'.repeat(10_000);
    for (const store of [false, true]) {
      const zip = readZip(makeZip({ 'assets/': '', 'assets/a.css': 'body{}', 'manifest.json': '{"version":"1.0.0"}', 'big.js': big }, store));
      expect([...zip.keys()]).toEqual(['assets/a.css', 'manifest.json', 'big.js']);
      expect(zip.get('big.js')!.toString()).toBe(big);
    }
  });

  it('refuses what is not a zip, and entries that would unpack outside the folder', () => {
    expect(() => readZip(Buffer.from('not a zip at all, not even close to one'))).toThrow(/not a zip file/);
    const dir = mkdtempSync(join(tmpdir(), 'pg-zip-test-'));
    try {
      expect(() => extractZip(makeZip({ '../evil.js': 'x' }), dir)).toThrow(/outside/);
      expect(extractZip(makeZip({ 'a/b.txt': 'b' }), dir)).toBe(1);
      expect(readFileSync(join(dir, 'a/b.txt'), 'utf8')).toBe('b');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the same files in both sets: no difference', () => {
    expect(compareFileSets(files({ 'a.js': '1', 'b/c.css': '2' }), files({ 'b/c.css': '2', 'a.js': '1' }), names)).toEqual([]);
  });

  it('names every file that is missing, extra or different, in path order', () => {
    const differences = compareFileSets(files({ 'a.js': '1', 'b.js': '2', 'd.js': 'same' }), files({ 'a.js': '1!', 'c.js': '3', 'd.js': 'same' }), names);
    expect(differences.map((d) => [d.path, d.problem.split(':')[0]])).toEqual([
      ['a.js', 'differs'],
      ['b.js', 'only in the zip'],
      ['c.js', 'only in the rebuild'],
    ]);
    expect(differences[0]!.problem).toMatch(/1 bytes \(sha256 [0-9a-f]{12}…\) in the zip, 2 bytes/);
  });

  it('writes SHA256SUMS that sha256sum -c accepts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pg-sums-test-'));
    try {
      const artifacts = [
        { name: 'priority-guard-1.0.0-chrome.zip', content: Buffer.from('chrome') },
        { name: 'priority-guard-1.0.0-sources.zip', content: Buffer.from('sources') },
      ];
      for (const a of artifacts) writeFileSync(join(dir, a.name), a.content);
      const sums = sha256Sums(artifacts);
      expect(sums).toMatch(/^[0-9a-f]{64} {2}priority-guard-1\.0\.0-chrome\.zip\n[0-9a-f]{64} {2}priority-guard-1\.0\.0-sources\.zip\n$/);
      writeFileSync(join(dir, 'SHA256SUMS'), sums);
      const check = spawnSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dir, encoding: 'utf8' });
      if (check.error) return; // no coreutils here: the format is checked above
      expect(check.status, check.stdout + check.stderr).toBe(0);
      writeFileSync(join(dir, artifacts[0]!.name), 'tampered');
      expect(spawnSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dir }).status).not.toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
