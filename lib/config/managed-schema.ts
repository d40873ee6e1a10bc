import { z } from 'zod';
import { SettingsSchema } from './schema';

/**
 * Chrome's `storage.managed_schema` from the settings schema. Chrome accepts a subset of
 * JSON Schema: exactly one `type` per node (a list of types, or "any", and Chrome refuses
 * to load the extension at all), the top level an object without additionalProperties.
 * What Chrome 156 does with a policy that does not fit, measured by
 * scripts/policy-measure (docs/enterprise.md, "What Chrome checks, and what Priority Guard
 * checks"):
 *
 * - a value of the wrong type anywhere inside a setting (a list item, a nested text) drops
 *   that whole setting, silently: chrome://policy only shows it as "Not set.";
 * - a key not in `properties` is removed; at the top level, and inside an object without
 *   additionalProperties, silently, and the rest of the setting still applies.
 *
 * So this schema states types and structure only: the finer rules (allowed words, match
 * patterns, lengths) are the extension's to check, so that a mistake is explained on the
 * options page instead of being dropped by the browser. And an object whose every setting
 * is text (`wording.definitions`, `wording.checklist`) lets any other key through as text
 * (additionalProperties: string), so that the extension sees a misspelt key there and names
 * it. Objects that also hold lists or objects (`wording`, a portal) do not: there an
 * unknown key holding a list or an object would fail that type and take the whole setting
 * with it (`"labels"` misspelt would switch off every portal), where without it Chrome only
 * removes that key.
 *
 * One type per node also means no "object or JSON text". Chrome itself converts JSON text
 * delivered through the Windows registry into the object or list the schema asks for
 * (policy/core/common/registry_dict.cc); the extension accepts JSON text too, for Firefox
 * and other sources that hand strings over unchanged.
 */

export interface ManagedSchemaNode {
  type: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  title?: string;
  description?: string;
  properties?: Record<string, ManagedSchemaNode>;
  additionalProperties?: ManagedSchemaNode;
  items?: ManagedSchemaNode;
}

function describe(schema: z.ZodType, node: ManagedSchemaNode): ManagedSchemaNode {
  const meta = schema.meta() as { title?: unknown; description?: unknown } | undefined;
  const out: ManagedSchemaNode = { type: node.type };
  if (typeof meta?.title === 'string') out.title = meta.title;
  if (typeof meta?.description === 'string') out.description = meta.description;
  return { ...out, ...node, type: node.type };
}

export function toManagedSchemaNode(schema: z.ZodType): ManagedSchemaNode {
  let s = schema;
  while (s instanceof z.ZodOptional) s = s.unwrap() as z.ZodType;
  if (s instanceof z.ZodObject) {
    const properties: Record<string, ManagedSchemaNode> = {};
    for (const [key, child] of Object.entries(s.shape as Record<string, z.ZodType>)) {
      properties[key] = toManagedSchemaNode(child);
    }
    // Every setting here is text: let other keys through as text, for the extension to name.
    const allText = Object.values(properties).every((p) => p.type === 'string');
    return describe(s, { type: 'object', properties, ...(allText ? { additionalProperties: { type: 'string' } } : {}) });
  }
  if (s instanceof z.ZodArray) return describe(s, { type: 'array', items: toManagedSchemaNode(s.element as z.ZodType) });
  if (s instanceof z.ZodRecord) {
    return describe(s, { type: 'object', additionalProperties: toManagedSchemaNode(s.valueType as z.ZodType) });
  }
  if (s instanceof z.ZodString || s instanceof z.ZodEnum) return describe(s, { type: 'string' });
  if (s instanceof z.ZodBoolean) return describe(s, { type: 'boolean' });
  if (s instanceof z.ZodNumber) return describe(s, { type: s.format === 'safeint' ? 'integer' : 'number' });
  if (s instanceof z.ZodLiteral) {
    const values = [...s.values];
    if (values.every((v) => typeof v === 'number' && Number.isInteger(v))) return describe(s, { type: 'integer' });
    if (values.every((v) => typeof v === 'string')) return describe(s, { type: 'string' });
  }
  throw new Error(`No managed-schema type for a zod ${s.constructor.name}: keep the settings schema to plain types`);
}

/**
 * The whole managed_schema.json content (without the top-level description Chrome ignores).
 * The top level lists its properties only: Chrome allows no additionalProperties there.
 */
export function managedSchema(): ManagedSchemaNode {
  const node = toManagedSchemaNode(SettingsSchema);
  return { type: 'object', properties: node.properties! };
}

/** The file as committed: stable formatting, trailing newline. */
export function managedSchemaJson(): string {
  return `${JSON.stringify(managedSchema(), null, 2)}\n`;
}
