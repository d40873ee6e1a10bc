import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { changelogEntry, changelogProblem, embeddedPathProblems, uncommittedProblem, versionProblems } from '../../../scripts/release/checks';

const CHANGELOG = `# Changelog

## [Unreleased]

### Added

- Something new.

## [1.2.0] - 2026-12-06

### Added

- The first feature.

## [1.1.0]

- Undated.

## [1.0.0] - 2026-01-01
`;

describe('release refusals', () => {
  it('a clean tree passes; any change, staged, unstaged or untracked, refuses and is named', () => {
    expect(uncommittedProblem('')).toBeNull();
    expect(uncommittedProblem('\n')).toBeNull();
    const problem = uncommittedProblem(' M lib/rules/levels.ts\n?? notes.txt\nA  docs/new.md\n');
    expect(problem).toMatch(/^Refusing to release: the working tree has 3 uncommitted change\(s\)\./);
    expect(problem).toContain('lib/rules/levels.ts');
    expect(problem).toContain('notes.txt');
    expect(problem).toContain('docs/new.md');
  });

  it('a long list of changes is cut after 20 lines and says how many more', () => {
    const porcelain = Array.from({ length: 25 }, (_, i) => `?? file-${i}`).join('\n');
    const problem = uncommittedProblem(porcelain)!;
    expect(problem).toContain('file-19');
    expect(problem).not.toContain('file-20');
    expect(problem).toContain('… and 5 more');
  });

  it('a version with a dated entry that lists changes passes', () => {
    expect(changelogProblem(CHANGELOG, '1.2.0')).toBeNull();
    expect(changelogEntry(CHANGELOG, '1.2.0')).toBe('### Added\n\n- The first feature.');
  });

  it('a version with no entry refuses, naming the version and the heading to add', () => {
    const problem = changelogProblem(CHANGELOG, '1.3.0');
    expect(problem).toMatch(/^Refusing to release 1\.3\.0: CHANGELOG\.md has no entry for it\./);
    expect(problem).toContain('"## [1.3.0] - YYYY-MM-DD"');
  });

  it('the Unreleased section, or a heading that only starts with the version, does not count', () => {
    expect(changelogProblem(CHANGELOG, 'Unreleased')).toMatch(/has no release date/);
    expect(changelogProblem(CHANGELOG, '1.2')).toMatch(/no entry/);
    expect(changelogProblem(CHANGELOG, '1.2.0.1')).toMatch(/no entry/);
    expect(changelogProblem(CHANGELOG.replace('## [1.2.0]', '## 1.2.0'), '1.2.0')).toMatch(/no entry/);
  });

  it('an undated entry or one without changes refuses', () => {
    expect(changelogProblem(CHANGELOG, '1.1.0')).toMatch(/has no release date/);
    expect(changelogProblem(CHANGELOG, '1.0.0')).toMatch(/lists no changes/);
  });

  it('CHANGELOG.md has an entry for the version in package.json', () => {
    const version = JSON.parse(readFileSync('package.json', 'utf8')).version;
    expect(changelogProblem(readFileSync('CHANGELOG.md', 'utf8'), version)).toBeNull();
  });

  it('a built manifest whose version is not package.json\'s is named', () => {
    expect(versionProblems('1.2.0', [{ name: 'chrome', version: '1.2.0' }, { name: 'firefox', version: '1.2.0' }])).toEqual([]);
    expect(versionProblems('1.2.0', [{ name: 'chrome', version: '1.2.0' }, { name: 'firefox', version: '1.1.0' }])).toEqual([
      'firefox: version "1.1.0", but package.json says 1.2.0',
    ]);
  });

  it('a built file that contains the build folder (a development build) is named', () => {
    const files = new Map([
      ['guard.js', Buffer.from('jsx("p",{})')],
      ['guard-ui.js', Buffer.from('jsxDEV("p",{},void 0,!1,{fileName:"/tmp/clone/components/Note.tsx"})')],
    ]);
    expect(embeddedPathProblems(files, '/tmp/clone', 'the Firefox zip')).toEqual([
      'the Firefox zip: guard-ui.js contains the build folder /tmp/clone: a development build, not reproducible elsewhere',
    ]);
    expect(embeddedPathProblems(files, '/srv/elsewhere', 'the Firefox zip')).toEqual([]);
  });
});
