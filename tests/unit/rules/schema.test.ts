import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { DEFAULT_CHECKLIST } from '@/lib/rules/checklist';
import { DEFAULT_DEFINITIONS, type LevelDefinition } from '@/lib/rules/levels';
import {
  ChecklistSchema,
  LevelDefinitionSchema,
  LevelDefinitionsSchema,
  PlanInfoSchema,
  PlanInfosSchema,
  TriageAnswersSchema,
  TriageTableSchema,
} from '@/lib/rules/schema';
import { PLAN_INFO } from '@/lib/rules/targets';
import { TRIAGE_TABLE, allAnswers, type TriageRule } from '@/lib/rules/triage';

/** The issues of a failed parse, as path + message, for readable assertions. */
function issues(schema: z.ZodType, data: unknown): { path: (string | number)[]; message: string }[] {
  const result = schema.safeParse(data);
  expect(result.success, 'expected the data to be rejected').toBe(false);
  return result.error!.issues.map((i) => ({ path: i.path as (string | number)[], message: i.message }));
}

const definitions = (): LevelDefinition[] => DEFAULT_DEFINITIONS.map((d) => ({ ...d }));

describe('defaults pass their schemas', () => {
  it('DEFAULT_DEFINITIONS', () => {
    expect(LevelDefinitionsSchema.parse(DEFAULT_DEFINITIONS)).toEqual(DEFAULT_DEFINITIONS);
  });

  it('PLAN_INFO, as a whole and plan by plan', () => {
    expect(PlanInfosSchema.parse(PLAN_INFO)).toEqual(PLAN_INFO);
    expect(PlanInfoSchema.parse(PLAN_INFO.premium)).toEqual(PLAN_INFO.premium);
    expect(PlanInfoSchema.parse(PLAN_INFO.standard)).toEqual(PLAN_INFO.standard);
  });

  it('DEFAULT_CHECKLIST', () => {
    expect(ChecklistSchema.parse(DEFAULT_CHECKLIST)).toEqual(DEFAULT_CHECKLIST);
  });

  it('TRIAGE_TABLE', () => {
    expect(TriageTableSchema.parse(TRIAGE_TABLE)).toEqual(TRIAGE_TABLE);
  });

  it('every combination of triage answers', () => {
    for (const a of allAnswers()) expect(TriageAnswersSchema.parse(a)).toEqual(a);
  });

  it('survives a JSON round trip (policy arrives as JSON; target keys become strings)', () => {
    expect(PlanInfosSchema.parse(JSON.parse(JSON.stringify(PLAN_INFO)))).toEqual(PLAN_INFO);
    expect(LevelDefinitionsSchema.parse(JSON.parse(JSON.stringify(DEFAULT_DEFINITIONS)))).toEqual(DEFAULT_DEFINITIONS);
  });
});

describe('level definitions: malformed data is rejected with a useful path', () => {
  it('missing level', () => {
    const data: unknown[] = definitions();
    const { level: _dropped, ...withoutLevel } = DEFAULT_DEFINITIONS[1]!;
    data[1] = withoutLevel;
    expect(issues(LevelDefinitionsSchema, data)).toContainEqual(expect.objectContaining({ path: [1, 'level'] }));
  });

  it('duplicate level (and the level it pushed out)', () => {
    const data = definitions();
    data[2] = { ...data[2]!, level: 2 };
    const found = issues(LevelDefinitionsSchema, data);
    expect(found).toContainEqual({ path: [2, 'level'], message: 'Priority 2 is defined more than once' });
    expect(found).toContainEqual({ path: [], message: 'Priority 3 has no definition' });
  });

  it.each(['', '   ', '\n'])('empty definition %j', (definition) => {
    const data = definitions();
    data[0] = { ...data[0]!, definition };
    expect(issues(LevelDefinitionsSchema, data)).toContainEqual({ path: [0, 'definition'], message: 'Must not be empty' });
  });

  it.each(['name', 'short', 'tag'] as const)('empty %s', (field) => {
    const data = definitions();
    data[3] = { ...data[3]!, [field]: '' };
    expect(issues(LevelDefinitionsSchema, data)).toContainEqual(expect.objectContaining({ path: [3, field] }));
  });

  it.each(['official', 'Published', '', 42])('bad wording %j', (wording) => {
    const data: unknown[] = definitions();
    data[1] = { ...DEFAULT_DEFINITIONS[1]!, wording };
    expect(issues(LevelDefinitionsSchema, data)).toContainEqual(expect.objectContaining({ path: [1, 'wording'] }));
  });

  it.each(['support.puppet.com', 'not a url', 'javascript:alert(1)', 'mailto:support@example.com', ''])(
    'source that is not an http(s) URL: %j',
    (source) => {
      const data = definitions();
      data[0] = { ...data[0]!, source };
      expect(issues(LevelDefinitionsSchema, data)).toContainEqual(expect.objectContaining({ path: [0, 'source'] }));
    },
  );

  it.each([0, 5, '1', 1.5, null])('level out of range %j', (level) => {
    expect(issues(LevelDefinitionSchema, { ...DEFAULT_DEFINITIONS[0], level })).toContainEqual(
      expect.objectContaining({ path: ['level'] }),
    );
  });

  it('fewer or more than four definitions', () => {
    expect(issues(LevelDefinitionsSchema, definitions().slice(0, 3))).toContainEqual(
      expect.objectContaining({ path: [], message: 'Must define exactly 4 levels' }),
    );
    expect(issues(LevelDefinitionsSchema, [...definitions(), { ...DEFAULT_DEFINITIONS[0]! }])).toContainEqual(
      expect.objectContaining({ path: [], message: 'Must define exactly 4 levels' }),
    );
    expect(issues(LevelDefinitionsSchema, [])).not.toHaveLength(0);
  });

  it('not a list at all', () => {
    expect(issues(LevelDefinitionsSchema, { 1: DEFAULT_DEFINITIONS[0] })).not.toHaveLength(0);
    expect(issues(LevelDefinitionsSchema, null)).not.toHaveLength(0);
  });

  it('accepts the four levels in any order', () => {
    expect(LevelDefinitionsSchema.safeParse(definitions().reverse()).success).toBe(true);
  });
});

describe('plans', () => {
  it('rejects an empty or missing target', () => {
    const premium = structuredClone(PLAN_INFO.premium) as unknown as { targets: Record<string, string> };
    premium.targets['2'] = ' ';
    delete premium.targets['4'];
    const found = issues(PlanInfoSchema, premium);
    expect(found).toContainEqual(expect.objectContaining({ path: ['targets', '2'] }));
    expect(found).toContainEqual(expect.objectContaining({ path: ['targets', '4'] }));
  });

  it('rejects an unknown plan and a plan filed under the wrong key', () => {
    expect(issues(PlanInfoSchema, { ...PLAN_INFO.premium, plan: 'gold' })).toContainEqual(
      expect.objectContaining({ path: ['plan'] }),
    );
    expect(issues(PlanInfosSchema, { ...PLAN_INFO, standard: PLAN_INFO.premium })).toContainEqual(
      expect.objectContaining({ path: ['standard', 'plan'] }),
    );
  });
});

describe('checklist', () => {
  it('rejects a duplicate id, naming where it is', () => {
    const data = DEFAULT_CHECKLIST.map((i) => ({ ...i }));
    data[2] = { ...data[2]!, id: 'production' };
    const found = issues(ChecklistSchema, data);
    expect(found).toContainEqual({ path: [2, 'id'], message: '"production" is listed more than once' });
    expect(found).toContainEqual({ path: [], message: 'The statement "no-workaround" is missing' });
  });

  it('rejects an unknown id, an empty statement and a missing statement', () => {
    expect(issues(ChecklistSchema, [...DEFAULT_CHECKLIST.slice(0, 2), { id: 'other', statement: 'x' }])).toContainEqual(
      expect.objectContaining({ path: [2, 'id'] }),
    );
    expect(
      issues(ChecklistSchema, DEFAULT_CHECKLIST.map((i, n) => (n === 1 ? { ...i, statement: '' } : i))),
    ).toContainEqual({ path: [1, 'statement'], message: 'Must not be empty' });
    expect(issues(ChecklistSchema, DEFAULT_CHECKLIST.slice(1))).toContainEqual(
      expect.objectContaining({ path: [] }),
    );
  });
});

describe('triage table', () => {
  const table = (): TriageRule[] => TRIAGE_TABLE.map((r) => ({ ...r }));

  it('rejects a table that leaves combinations unanswered', () => {
    const found = issues(TriageTableSchema, table().slice(0, -1));
    expect(found).toContainEqual({
      path: [],
      message: 'No rule matches: functioning inoperative, production, no workaround',
    });
  });

  it('rejects a table where a more severe answer gets a lower priority', () => {
    const data = table();
    data[3] = { ...data[3]!, level: 4 }; // production impaired, no workaround → P4
    const found = issues(TriageTableSchema, data);
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]!.message).toMatch(/P4 .* is lower than P3/);
  });

  it('rejects a rule without reasons, an empty reason, a bad level or an empty condition list', () => {
    expect(issues(TriageTableSchema, table().map((r, i) => (i === 0 ? { ...r, reasons: [] } : r)))).toContainEqual(
      expect.objectContaining({ path: [0, 'reasons'] }),
    );
    expect(issues(TriageTableSchema, table().map((r, i) => (i === 1 ? { ...r, reasons: [''] } : r)))).toContainEqual(
      expect.objectContaining({ path: [1, 'reasons', 0] }),
    );
    expect(issues(TriageTableSchema, table().map((r, i) => (i === 2 ? { ...r, level: 5 } : r)))).toContainEqual(
      expect.objectContaining({ path: [2, 'level'] }),
    );
    expect(
      issues(TriageTableSchema, table().map((r, i) => (i === 0 ? { ...r, when: { functioning: [] } } : r))),
    ).toContainEqual(expect.objectContaining({ path: [0, 'when', 'functioning'] }));
    expect(
      issues(TriageTableSchema, table().map((r, i) => (i === 0 ? { ...r, when: { functioning: ['broken'] } } : r))),
    ).toContainEqual(expect.objectContaining({ path: [0, 'when', 'functioning', 0] }));
  });

  it('rejects bad answers', () => {
    expect(issues(TriageAnswersSchema, { functioning: 'down', production: true, workaround: false })).toContainEqual(
      expect.objectContaining({ path: ['functioning'] }),
    );
    expect(issues(TriageAnswersSchema, { functioning: 'normal', production: 'yes', workaround: false })).toContainEqual(
      expect.objectContaining({ path: ['production'] }),
    );
  });
});

describe('zod stays out of the rule modules', () => {
  const dir = join(process.cwd(), 'lib/rules');
  const modules = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

  it.each(modules.filter((f) => f !== 'schema.ts'))('%s does not import zod or the schemas', (file) => {
    const source = readFileSync(join(dir, file), 'utf8');
    expect(source).not.toMatch(/from\s+['"]zod(\/[^'"]*)?['"]/);
    expect(source).not.toMatch(/from\s+['"]\.\/schema['"]/);
  });
});
