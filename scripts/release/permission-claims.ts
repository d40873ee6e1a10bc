// What PRIVACY.md and docs/store/permissions.md say about permissions, checked against the
// manifests: every permission, host permission and optional permission of either manifest is
// named and justified there, and nothing is named there that no manifest asks for.

export type Browser = 'Chrome' | 'Firefox';
export type Grant = 'required' | 'optional';

/** The manifest keys that matter here. */
export interface ManifestPermissions {
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: Array<{ matches?: string[] }>;
  browser_specific_settings?: { gecko?: { data_collection_permissions?: { required?: string[]; optional?: string[] } } };
}

/** permission → browser → required or optional. */
export type PermissionTable = Map<string, Map<Browser, Grant>>;

function add(table: PermissionTable, permission: string, browser: Browser, grant: Grant) {
  const row = table.get(permission) ?? new Map<Browser, Grant>();
  row.set(browser, grant);
  table.set(permission, row);
}

export function manifestPermissionTable(manifests: Partial<Record<Browser, ManifestPermissions>>): PermissionTable {
  const table: PermissionTable = new Map();
  for (const [browser, m] of Object.entries(manifests) as Array<[Browser, ManifestPermissions]>) {
    for (const p of [...(m.permissions ?? []), ...(m.host_permissions ?? [])]) add(table, p, browser, 'required');
    for (const p of [...(m.optional_permissions ?? []), ...(m.optional_host_permissions ?? [])]) add(table, p, browser, 'optional');
  }
  return table;
}

/** The lines of the section under `## heading` (up to the next `## `), or null. */
export function section(markdown: string, heading: string): string | null {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line.trim() === `## ${heading}`);
  if (start < 0) return null;
  const end = lines.findIndex((line, i) => i > start && line.startsWith('## '));
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
}

const backticked = (text: string) => [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);

/**
 * PRIVACY.md's permissions table: `| permission | browsers | granted | why |`, one permission
 * (in backticks) per row. "optional" in the granted column marks an optional permission.
 */
export function privacyPermissionTable(privacy: string): { table: PermissionTable; problems: string[] } {
  const table: PermissionTable = new Map();
  const problems: string[] = [];
  const body = section(privacy, 'Permissions');
  if (body === null) return { table, problems: ['PRIVACY.md has no "## Permissions" section'] };
  const rows = body.split('\n').filter((line) => line.trim().startsWith('|') && !/^\|\s*-/.test(line.trim()));
  for (const row of rows.slice(1)) {
    const cells = row.trim().replace(/^\||\|$/g, '').split('|').map((cell) => cell.trim());
    const [names = '', browsers = '', granted = '', why = ''] = cells;
    const permissions = backticked(names);
    if (permissions.length !== 1) {
      problems.push(`PRIVACY.md: a permissions row names ${permissions.length} permissions, not one: ${row.trim()}`);
      continue;
    }
    const permission = permissions[0]!;
    const inBrowsers = (['Chrome', 'Firefox'] as const).filter((b) => browsers.includes(b));
    if (inBrowsers.length === 0) problems.push(`PRIVACY.md: \`${permission}\` names no browser (Chrome, Firefox)`);
    if (why.split(/\s+/).length < 8) problems.push(`PRIVACY.md: \`${permission}\` has no justification`);
    for (const browser of inBrowsers) add(table, permission, browser, /optional/i.test(granted) ? 'optional' : 'required');
  }
  return { table, problems };
}

const describeRow = (row: Map<Browser, Grant> | undefined) =>
  row && row.size ? [...row].map(([browser, grant]) => `${grant} in ${browser}`).sort().join(', ') : 'absent';

/** Differences between what the manifests ask for and what `document` claims. */
export function comparePermissionTables(manifests: PermissionTable, claimed: PermissionTable, document: string): string[] {
  const problems: string[] = [];
  for (const permission of new Set([...manifests.keys(), ...claimed.keys()])) {
    const want = describeRow(manifests.get(permission));
    const got = describeRow(claimed.get(permission));
    if (want === got) continue;
    if (want === 'absent') problems.push(`${document} names \`${permission}\`, which no manifest asks for`);
    else if (got === 'absent') problems.push(`${document} does not name \`${permission}\` (${want})`);
    else problems.push(`${document} says \`${permission}\` is ${got}; the manifests: ${want}`);
  }
  return problems;
}

/**
 * docs/store/permissions.md's justifications: under "## Justifications", each `### ` heading
 * names permissions in backticks and is followed by a ```text block, the text for the form
 * field, which must name each of them too.
 */
export function storeJustifications(markdown: string): { named: Set<string>; problems: string[] } {
  const named = new Set<string>();
  const problems: string[] = [];
  const body = section(markdown, 'Justifications');
  if (body === null) return { named, problems: ['docs/store/permissions.md has no "## Justifications" section'] };
  for (const part of body.split(/^### /m).slice(1)) {
    const [heading = '', ...rest] = part.split('\n');
    const text = /```text\n([\s\S]*?)```/.exec(rest.join('\n'))?.[1] ?? '';
    const permissions = backticked(heading);
    if (permissions.length === 0) problems.push(`docs/store/permissions.md: "### ${heading}" names no permission`);
    for (const permission of permissions) {
      named.add(permission);
      if (!text.includes(permission)) {
        problems.push(`docs/store/permissions.md: the text under "### ${heading}" does not name ${permission}`);
      }
    }
  }
  return { named, problems };
}

export function compareNamed(manifests: PermissionTable, named: ReadonlySet<string>, document: string): string[] {
  const problems: string[] = [];
  for (const permission of manifests.keys()) {
    if (!named.has(permission)) problems.push(`${document} does not justify \`${permission}\``);
  }
  for (const permission of named) {
    if (!manifests.has(permission)) problems.push(`${document} justifies \`${permission}\`, which no manifest asks for`);
  }
  return problems;
}

/** PRIVACY.md says nothing is collected: the Firefox manifest must declare exactly that. */
export function dataCollectionProblems(firefox: ManifestPermissions): string[] {
  const declared = firefox.browser_specific_settings?.gecko?.data_collection_permissions;
  const required = declared?.required ?? [];
  const optional = declared?.optional ?? [];
  if (required.length === 1 && required[0] === 'none' && optional.length === 0) return [];
  return [
    `the Firefox manifest's data_collection_permissions is ${JSON.stringify(declared ?? null)}, ` +
      `but PRIVACY.md and docs/store say nothing is collected ({"required":["none"]})`,
  ];
}

/** Every content-script match pattern (where the guard reads the page) must be named in PRIVACY.md. */
export function contentScriptProblems(manifests: Partial<Record<Browser, ManifestPermissions>>, privacy: string): string[] {
  const matches = new Set(Object.values(manifests).flatMap((m) => (m?.content_scripts ?? []).flatMap((c) => c.matches ?? [])));
  return [...matches].filter((match) => !privacy.includes(`\`${match}\``)).map((match) => `PRIVACY.md does not name the portal \`${match}\``);
}

/** Every check above, for the two manifests and the two documents' text. */
export function permissionDocumentProblems(
  manifests: Record<Browser, ManifestPermissions>,
  documents: { privacy: string; storePermissions: string },
): string[] {
  const table = manifestPermissionTable(manifests);
  const privacy = privacyPermissionTable(documents.privacy);
  const store = storeJustifications(documents.storePermissions);
  return [
    ...privacy.problems,
    ...comparePermissionTables(table, privacy.table, 'PRIVACY.md'),
    ...store.problems,
    ...compareNamed(table, store.named, 'docs/store/permissions.md'),
    ...dataCollectionProblems(manifests.Firefox),
    ...contentScriptProblems(manifests, documents.privacy),
  ];
}
