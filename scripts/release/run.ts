// `npm run release`: the one way a version is released. On a clean clone after `npm ci`:
//   1. refuses uncommitted changes, and a version without its CHANGELOG.md entry;
//   2. runs the README's test command (`npm test`);
//   3. builds the Chrome, Firefox and sources zips (`npm run zip`) and checks their manifests
//      (the version from package.json; the permissions PRIVACY.md and docs/store name);
//   4. unpacks the sources zip in a temporary folder, runs `npm ci` and `npm run build-for-amo`
//      there, as an AMO reviewer would, and compares every file of that build with the Firefox zip;
//   5. runs `web-ext lint` (scripts/lint-firefox.mjs) on the Firefox zip's contents;
//   6. writes .output/SHA256SUMS for the three zips.
// There is no option to skip a step. Starts browsers (the tests): run it under
// `flock /tmp/pg-browser.lock` where other browser runs share the machine.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { changelogProblem, embeddedPathProblems, uncommittedProblem, versionProblems } from './checks';
import { sha256Sums } from './checksums';
import { compareFileSets } from './compare-files';
import { permissionDocumentProblems, type ManifestPermissions } from './permission-claims';
import { extractZip, readZip } from './zip-file';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OUTPUT = join(ROOT, '.output');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
// vite-node, which runs this script, sets NODE_ENV=development; a build that inherits it uses
// the development JSX runtime, which writes the absolute path of every source file into the
// bundle: the zips would not be what `npm run zip` makes, nor rebuildable in another folder.
// Every command here runs with the environment of a plain shell instead.
const CHILD_ENV: NodeJS.ProcessEnv = { ...process.env };
delete CHILD_ENV.NODE_ENV;
const started = Date.now();

function step(title: string) {
  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  console.log(`\n=== release: ${title} (at ${minutes} min) ===`);
}

function fail(message: string): never {
  console.error(`\nrelease: FAILED\n${message}`);
  process.exit(1);
}

function run(command: string, args: string[], cwd = ROOT) {
  console.log(`$ ${[command, ...args].join(' ')}${cwd === ROOT ? '' : `   (in ${cwd})`}`);
  const result = spawnSync(command, args, { cwd, stdio: 'inherit', env: CHILD_ENV });
  if (result.status !== 0) fail(`\`${[command, ...args].join(' ')}\` failed (exit ${result.status ?? result.signal}).`);
}

function output(command: string, args: string[]): string {
  const result = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', env: CHILD_ENV });
  if (result.status !== 0) fail(`\`${[command, ...args].join(' ')}\` failed: ${result.stderr}`);
  return result.stdout;
}

/** Every file under `dir`, by its path relative to it (with / separators). */
function readTree(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.set(relative(dir, path).split('\\').join('/'), readFileSync(path));
    }
  };
  walk(dir);
  return files;
}

function manifestOf(zip: Map<string, Buffer>, name: string): ManifestPermissions & { version?: unknown } {
  const manifest = zip.get('manifest.json');
  if (!manifest) fail(`${name} has no manifest.json.`);
  return JSON.parse(manifest.toString('utf8'));
}

// 1. Refusals ------------------------------------------------------------------------------
step('checks before anything runs');
const uncommitted = uncommittedProblem(output('git', ['status', '--porcelain', '--untracked-files=all']));
if (uncommitted) fail(uncommitted);
const version: string = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
const changelog = changelogProblem(readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8'), version);
if (changelog) fail(changelog);
const commit = output('git', ['rev-parse', 'HEAD']).trim();
console.log(`Releasing ${version} from commit ${commit}, clean tree, CHANGELOG entry present.`);
console.log(`Node ${process.version}, npm ${output(NPM, ['--version']).trim()}.`);
const zips = {
  chrome: join(OUTPUT, `priority-guard-${version}-chrome.zip`),
  firefox: join(OUTPUT, `priority-guard-${version}-firefox.zip`),
  sources: join(OUTPUT, `priority-guard-${version}-sources.zip`),
};
const sumsFile = join(OUTPUT, 'SHA256SUMS');
// Old artifacts must never pass for this run's.
for (const file of [...Object.values(zips), sumsFile]) rmSync(file, { force: true });

// 2. Tests ---------------------------------------------------------------------------------
step("the README's test command: npm test");
run(NPM, ['test']);

// 3. Zips and their manifests ----------------------------------------------------------------
step('the three zips: npm run zip');
run(NPM, ['run', 'zip']);
for (const file of Object.values(zips)) if (!existsSync(file)) fail(`npm run zip did not write ${relative(ROOT, file)}.`);
const chromeZip = readZip(readFileSync(zips.chrome));
const firefoxZip = readZip(readFileSync(zips.firefox));
const manifests = { Chrome: manifestOf(chromeZip, 'the Chrome zip'), Firefox: manifestOf(firefoxZip, 'the Firefox zip') };
const manifestProblems = [
  ...versionProblems(version, [
    { name: 'the Chrome zip', version: manifests.Chrome.version },
    { name: 'the Firefox zip', version: manifests.Firefox.version },
  ]),
  ...embeddedPathProblems(chromeZip, ROOT.replace(/\/$/, ''), 'the Chrome zip'),
  ...embeddedPathProblems(firefoxZip, ROOT.replace(/\/$/, ''), 'the Firefox zip'),
  ...permissionDocumentProblems(manifests, {
    privacy: readFileSync(join(ROOT, 'PRIVACY.md'), 'utf8'),
    storePermissions: readFileSync(join(ROOT, 'docs/store/permissions.md'), 'utf8'),
  }),
];
if (manifestProblems.length) fail(`The built zips are not fit to release:\n  - ${manifestProblems.join('\n  - ')}`);
console.log(`Both manifests say version ${version}; no file embeds the build folder; every permission is named in PRIVACY.md and docs/store/permissions.md.`);

// 4. The sources zip rebuilds the Firefox zip --------------------------------------------------
step('the sources zip reproduces the Firefox zip');
const work = mkdtempSync(join(tmpdir(), 'pg-release-'));
const sources = join(work, 'sources');
console.log(`Unpacked ${extractZip(readFileSync(zips.sources), sources)} files of ${relative(ROOT, zips.sources)} into ${sources}`);
run(NPM, ['ci', '--no-audit', '--no-fund'], sources);
run(NPM, ['run', 'build-for-amo'], sources);
const rebuilt = readTree(join(sources, '.output/firefox-mv2'));
const differences = compareFileSets(firefoxZip, rebuilt, { expected: 'the Firefox zip', actual: 'the rebuild from sources' });
if (differences.length) {
  fail(
    `The sources zip does not reproduce the Firefox zip: ${differences.length} file(s) differ ` +
      `(the rebuild is kept in ${sources}):\n${differences.map((d) => `  - ${d.path}: ${d.problem}`).join('\n')}`,
  );
}
console.log(`All ${firefoxZip.size} files of the Firefox zip are byte for byte the same in the rebuild from sources.`);

// 5. web-ext lint ---------------------------------------------------------------------------
step('web-ext lint on the Firefox zip');
const unpacked = join(work, 'firefox');
extractZip(readFileSync(zips.firefox), unpacked);
run(process.execPath, [join(ROOT, 'scripts/lint-firefox.mjs'), unpacked]);
rmSync(work, { recursive: true, force: true });

// 6. Checksums ------------------------------------------------------------------------------
step('checksums');
const artifacts = Object.values(zips).map((file) => ({ name: relative(OUTPUT, file), content: readFileSync(file) }));
writeFileSync(sumsFile, sha256Sums(artifacts));
console.log(readFileSync(sumsFile, 'utf8').trimEnd());

const minutes = ((Date.now() - started) / 60_000).toFixed(1);
console.log(`\nrelease ${version}: done in ${minutes} min. In ${relative(ROOT, OUTPUT) || '.'}/ (check with \`cd .output && sha256sum -c SHA256SUMS\`):`);
for (const { name, content } of artifacts) console.log(`  ${name}  ${(content.length / 1024).toFixed(0)} KB`);
console.log(`  SHA256SUMS  (${statSync(sumsFile).size} bytes)`);
