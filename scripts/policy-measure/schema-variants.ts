// Managed schemas to measure against the shipped one: how far Chrome's schema format lets
// the schema be loosened, so that more of a policy reaches the extension.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type Node = Record<string, unknown> & { type?: unknown; properties?: Record<string, Node>; additionalProperties?: Node; items?: Node };

export interface SchemaVariant {
  id: string;
  what: string;
  schema: Node;
  /** The cases worth measuring with it (all when absent). */
  cases?: string[];
}

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** Applies `change` to every object node below the top level that lists its properties. */
function nestedObjects(schema: Node, change: (node: Node) => void): Node {
  const out = clone(schema);
  const walk = (node: Node, top: boolean) => {
    if (!top && node.properties) change(node);
    for (const child of Object.values(node.properties ?? {})) walk(child, false);
    if (node.items) walk(node.items, false);
    if (node.additionalProperties) walk(node.additionalProperties, false);
  };
  walk(out, true);
  return out;
}

function withWording(schema: Node, wording: Node): Node {
  const out = clone(schema);
  out.properties!.wording = { ...out.properties!.wording, ...wording };
  if (wording.type !== 'object') {
    delete out.properties!.wording!.properties;
    delete out.properties!.wording!.additionalProperties;
  }
  return out;
}

export function schemaVariants(root: string): SchemaVariant[] {
  const shipped = JSON.parse(readFileSync(join(root, 'lib/config/managed_schema.json'), 'utf8')) as Node;
  const strict = nestedObjects(shipped, (node) => delete node.additionalProperties);
  return [
    { id: 'shipped', what: 'lib/config/managed_schema.json as built', schema: shipped },
    {
      id: 'strict',
      what: 'no additionalProperties on objects that list their properties (the schema before issue 12)',
      schema: strict,
    },
    {
      id: 'nested-string',
      what: 'additionalProperties {"type": "string"} on every nested object that lists its properties',
      schema: nestedObjects(shipped, (node) => void (node.additionalProperties = { type: 'string' })),
    },
    {
      id: 'nested-any',
      what: 'additionalProperties {"type": "any"} on nested objects',
      schema: nestedObjects(shipped, (node) => void (node.additionalProperties = { type: 'any' })),
      cases: ['unknown-in-object'],
    },
    {
      id: 'wording-type-list',
      what: 'wording typed ["object", "string"] (object or JSON text)',
      schema: withWording(shipped, { type: ['object', 'string'] }),
      cases: ['json-text'],
    },
    {
      id: 'wording-string',
      what: 'wording typed "string" (JSON text only)',
      schema: withWording(shipped, { type: 'string' }),
      cases: ['json-text', 'unknown-in-object'],
    },
  ];
}
