import { z } from 'zod';
import { SettingsSchema } from './schema';

/**
 * Chrome's `storage.managed_schema` from the settings schema. Chrome accepts a subset of
 * JSON Schema: exactly one `type` per node, the top level an object without
 * additionalProperties; a value that does not fit is dropped before the extension sees
 * it (only chrome://policy shows why). So this schema states types and structure only:
 * the finer rules (allowed words, match patterns, lengths) are checked by the extension
 * itself, which reports each problem in plain words on its options page.
 *
 * One type per node also means no "object or string" union. Chrome itself converts JSON
 * text delivered through the Windows registry into the object or list the schema asks
 * for (policy/core/common/registry_dict.cc); the extension accepts JSON text too, for
 * Firefox and other sources that hand strings over unchanged.
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
    return describe(s, { type: 'object', properties });
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

/** The whole managed_schema.json content (without the top-level description Chrome ignores). */
export function managedSchema(): ManagedSchemaNode {
  const node = toManagedSchemaNode(SettingsSchema);
  return { type: 'object', properties: node.properties! };
}

/** The file as committed: stable formatting, trailing newline. */
export function managedSchemaJson(): string {
  return `${JSON.stringify(managedSchema(), null, 2)}\n`;
}
