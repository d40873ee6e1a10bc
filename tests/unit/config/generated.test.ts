// The generated files must match the schema: run `npm run policy-templates` after changing
// lib/config/schema.ts, and commit what it writes.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { managedSchema, type ManagedSchemaNode } from '@/lib/config/managed-schema';
import { CHROME_EXTENSION_ID, GECKO_ID } from '@/lib/extension-ids';
import { examplePolicy, managedSchemaJson, policyTemplates } from '../../../scripts/policy-templates/templates';

const ROOT = resolve(__dirname, '../../..');
const STALE = 'is stale: run `npm run policy-templates` and commit the result';

describe('lib/config/managed_schema.json', () => {
  it(`matches the settings schema (else it ${STALE})`, () => {
    const committed = readFileSync(join(ROOT, 'lib/config/managed_schema.json'), 'utf8');
    expect(committed, `lib/config/managed_schema.json ${STALE}`).toBe(managedSchemaJson());
  });

  it("keeps to Chrome's schema format: top level an object of properties, one type per node", () => {
    const schema = managedSchema();
    expect(schema.type).toBe('object');
    expect(schema).not.toHaveProperty('additionalProperties');
    const allowed = new Set(['type', 'title', 'description', 'properties', 'additionalProperties', 'items']);
    const types = new Set(['object', 'array', 'string', 'integer', 'number', 'boolean']);
    const walk = (node: ManagedSchemaNode, path: string) => {
      for (const key of Object.keys(node)) expect(allowed.has(key), `${path}: attribute ${key}`).toBe(true);
      expect(types.has(node.type), `${path}: type ${String(node.type)}`).toBe(true);
      if (node.type === 'array') expect(node.items, `${path}: items`).toBeDefined();
      for (const [k, child] of Object.entries(node.properties ?? {})) walk(child, `${path}.${k}`);
      if (node.additionalProperties) walk(node.additionalProperties, `${path}.*`);
      if (node.items) walk(node.items, `${path}[]`);
    };
    walk(schema, '$');
  });

  it('lets unknown keys through as text only in objects whose every setting is text (measured: docs/enterprise.md)', () => {
    const wording = managedSchema().properties!.wording!;
    // Chrome passes them on, and the extension names them on its options page...
    expect(wording.properties!.definitions!.additionalProperties).toEqual({ type: 'string' });
    expect(wording.properties!.checklist!.additionalProperties).toEqual({ type: 'string' });
    // ...but not where an unknown list or object would fail the type and take the whole setting.
    expect(wording).not.toHaveProperty('additionalProperties');
    expect(managedSchema().properties!.portals!.items).not.toHaveProperty('additionalProperties');
    // A record keeps its value type.
    expect(managedSchema().properties!.portals!.items!.properties!.labels!.additionalProperties).toEqual({ type: 'integer' });
  });

  it('types the example policy the way Chrome will check it', () => {
    const check = (node: ManagedSchemaNode, value: unknown, path: string) => {
      const actual = Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value;
      expect(actual === node.type || (node.type === 'number' && actual === 'integer'), `${path}: ${actual} vs ${node.type}`).toBe(true);
      if (node.type === 'object' && value && typeof value === 'object') {
        for (const [k, v] of Object.entries(value)) {
          const child = node.properties?.[k] ?? node.additionalProperties;
          expect(child, `${path}.${k} is not in the schema: Chrome would drop it`).toBeDefined();
          check(child!, v, `${path}.${k}`);
        }
      }
      if (node.type === 'array') (value as unknown[]).forEach((v, i) => check(node.items!, v, `${path}[${i}]`));
    };
    check(managedSchema(), examplePolicy(), '$');
  });
});

describe('docs/policy-templates', () => {
  const dir = join(ROOT, 'docs/policy-templates');
  const expected = policyTemplates();

  it(`holds exactly the generated files (else it ${STALE})`, () => {
    expect(readdirSync(dir).sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.keys(expected))(`%s matches the schema (else it ${STALE})`, (name) => {
    expect(readFileSync(join(dir, name), 'utf8'), `docs/policy-templates/${name} ${STALE}`).toBe(expected[name]);
  });

  it('uses the real extension ids', () => {
    expect(expected['chrome-windows-policy.reg']).toContain(`\\3rdparty\\extensions\\${CHROME_EXTENSION_ID}\\policy]`);
    expect(expected['edge-windows-policy.reg']).toContain(
      `HKEY_LOCAL_MACHINE\\Software\\Policies\\Microsoft\\Edge\\3rdparty\\extensions\\${CHROME_EXTENSION_ID}\\policy]`,
    );
    expect(expected['chrome.mobileconfig']).toContain(`<string>com.google.Chrome.extensions.${CHROME_EXTENSION_ID}</string>`);
    expect(JSON.parse(expected['chrome-linux.json']!)['3rdparty'].extensions).toHaveProperty(CHROME_EXTENSION_ID);
    expect(JSON.parse(expected['firefox-policies.json']!).policies['3rdparty'].Extensions).toHaveProperty(GECKO_ID);
    expect(JSON.parse(expected['firefox-policies.json']!).policies.ExtensionSettings[GECKO_ID].install_url).toMatch(/\.xpi$/);
  });

  it('writes .reg files as regedit reads them', () => {
    for (const name of Object.keys(expected).filter((n) => n.endsWith('.reg'))) {
      const text = expected[name]!;
      expect(text.startsWith('Windows Registry Editor Version 5.00\r\n'), name).toBe(true);
      expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    }
  });
});
