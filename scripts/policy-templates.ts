// npm run policy-templates: writes Chrome's managed schema (lib/config/managed_schema.json)
// and the admin's sample files (docs/policy-templates/) from lib/config/schema.ts.
// Run with vite-node (installed with vitest): Node 20 cannot run TypeScript by itself.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { managedSchemaJson, policyTemplates } from './policy-templates/templates';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const schemaFile = join(root, 'lib/config/managed_schema.json');
const templatesDir = join(root, 'docs/policy-templates');

writeFileSync(schemaFile, managedSchemaJson());
console.log(`wrote ${schemaFile}`);

mkdirSync(templatesDir, { recursive: true });
const files = policyTemplates();
// The folder is generated whole: a file no longer generated goes.
for (const name of readdirSync(templatesDir)) {
  if (!(name in files)) rmSync(join(templatesDir, name));
}
for (const [name, content] of Object.entries(files)) {
  writeFileSync(join(templatesDir, name), content);
  console.log(`wrote docs/policy-templates/${name}`);
}
