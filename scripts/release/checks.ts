// The release's refusals, as pure functions: each returns the message to print, or null.

/** `git status --porcelain` output → why the release refuses, or null for a clean tree. */
export function uncommittedProblem(porcelain: string): string | null {
  const lines = porcelain.split('\n').filter((line) => line.trim() !== '');
  if (lines.length === 0) return null;
  const shown = lines.slice(0, 20).map((line) => `    ${line}`);
  if (lines.length > 20) shown.push(`    … and ${lines.length - 20} more`);
  return [
    `Refusing to release: the working tree has ${lines.length} uncommitted change(s).`,
    'The sources zip packs the files on disk, so a release must come from a commit: commit or remove these first.',
    ...shown,
  ].join('\n');
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The body of the `## [version]` section of a Keep a Changelog file, or null if it has none. */
export function changelogEntry(changelog: string, version: string): string | null {
  const heading = new RegExp(`^## \\[${escapeRegExp(version)}\\](?:[ \\t].*)?$`, 'm');
  const found = heading.exec(changelog);
  if (!found) return null;
  const rest = changelog.slice(found.index + found[0].length);
  const next = /^## /m.exec(rest);
  return (next ? rest.slice(0, next.index) : rest).trim();
}

/** Why the release refuses `version` given CHANGELOG.md's text, or null if it has a dated entry with changes. */
export function changelogProblem(changelog: string, version: string): string | null {
  const entry = changelogEntry(changelog, version);
  const expected = `"## [${version}] - YYYY-MM-DD"`;
  if (entry === null) {
    return (
      `Refusing to release ${version}: CHANGELOG.md has no entry for it. ` +
      `Add a section headed ${expected} (move the "Unreleased" changes under it), then commit.`
    );
  }
  const dated = new RegExp(`^## \\[${escapeRegExp(version)}\\] - \\d{4}-\\d{2}-\\d{2}\\s*$`, 'm').test(changelog);
  if (!dated) return `Refusing to release ${version}: its CHANGELOG.md heading has no release date; write it as ${expected}.`;
  if (!/^\s*[-*] /m.test(entry)) return `Refusing to release ${version}: its CHANGELOG.md entry lists no changes.`;
  return null;
}

/** Problems if any built manifest's version differs from package.json's, the one place it is set. */
export function versionProblems(packageVersion: string, manifests: ReadonlyArray<{ name: string; version: unknown }>): string[] {
  return manifests
    .filter((m) => m.version !== packageVersion)
    .map((m) => `${m.name}: version ${JSON.stringify(m.version)}, but package.json says ${packageVersion}`);
}

/** Files of a built zip that contain the folder it was built in (a development build does). */
export function embeddedPathProblems(files: ReadonlyMap<string, Buffer>, folder: string, zipName: string): string[] {
  return [...files]
    .filter(([, content]) => content.includes(folder))
    .map(([path]) => `${zipName}: ${path} contains the build folder ${folder}: a development build, not reproducible elsewhere`);
}
