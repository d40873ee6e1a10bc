import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  checkInjectUiRequest,
  messageSchemas,
  parseInjectUiResult,
  parsePopupRequest,
  parseReadiness,
  parseSetLevelResult,
  SET_LEVEL_FAILURES,
  parseStatus,
  READINESS_LIMITS,
  type InjectUiResult,
  type PopupRequest,
  type ReadinessResponse,
  type SetLevelResult,
  type StatusResponse,
} from '@/lib/messages';

const REQUESTS_ACCEPTED: [string, unknown][] = [
  ['get-status', { type: 'get-status' }],
  ['get-readiness', { type: 'get-readiness' }],
  ...[1, 2, 3, 4].map((level): [string, unknown] => [`set-level ${level}`, { type: 'set-level', level }]),
];

const REQUESTS_REJECTED: [string, unknown][] = [
  ['undefined', undefined],
  ['null', null],
  ['a string', 'get-status'],
  ['a number', 1],
  ['an array', [{ type: 'get-status' }]],
  ['no type', {}],
  ['unknown type', { type: 'get-config' }],
  ['type of the wrong case', { type: 'GET-STATUS' }],
  ['a response type', { type: 'status', armed: true, level: 1 }],
  ['get-status with an extra property', { type: 'get-status', level: 1 }],
  ['get-readiness with an extra property', { type: 'get-readiness', results: [] }],
  ['a readiness answer instead', { type: 'readiness', ok: false, reason: 'x' }],
  ['set-level without a level', { type: 'set-level' }],
  ['set-level 0', { type: 'set-level', level: 0 }],
  ['set-level 5', { type: 'set-level', level: 5 }],
  ['set-level "1"', { type: 'set-level', level: '1' }],
  ['set-level 1.5', { type: 'set-level', level: 1.5 }],
  ['set-level null', { type: 'set-level', level: null }],
  ['set-level NaN', { type: 'set-level', level: Number.NaN }],
  ['set-level with an extra property', { type: 'set-level', level: 2, force: true }],
  ['an inherited extra property', Object.assign(Object.create({ extra: 1 }), { type: 'get-status' })],
];

describe('popup → content requests', () => {
  it.each(REQUESTS_ACCEPTED)('accepts %s (guard and schema)', (_name, value) => {
    const guard = parsePopupRequest(value);
    const schema = messageSchemas().request.safeParse(value);
    expect(guard).toEqual({ ok: true, message: value });
    expect(schema).toMatchObject({ success: true, data: value });
  });

  it.each(REQUESTS_REJECTED)('rejects %s with a reason (guard and schema)', (_name, value) => {
    const guard = parsePopupRequest(value);
    expect(guard.ok).toBe(false);
    expect(messageSchemas().request.safeParse(value).success).toBe(false);
    if (!guard.ok) expect(guard.reason).toMatch(/\w/);
  });

  it('the guard gives reasons a person can act on', () => {
    expect(parsePopupRequest({ type: 'nope' })).toEqual({ ok: false, reason: 'Unknown message type: "nope"' });
    expect(parsePopupRequest({ type: 'set-level', level: 7 })).toEqual({
      ok: false,
      reason: 'set-level needs a level from 1 to 4, not 7',
    });
    expect(parsePopupRequest({ type: 'get-status', x: 1 })).toEqual({
      ok: false,
      reason: 'Unexpected property "x" in get-status',
    });
  });

  it('the guard returns a fresh object holding only the known properties', () => {
    const value = { type: 'set-level', level: 2 };
    const checked = parsePopupRequest(value);
    expect(checked.ok && checked.message).not.toBe(value);
  });

  /** Values near the valid ones, and anything else JSON-like. */
  const key = fc.constantFrom('type', 'level', 'armed', 'ok', 'reason', 'extra', '__proto__', 'constructor', '');
  const near = fc.oneof(
    fc.constantFrom('get-status', 'set-level', 'get-readiness', 'status', 'set-level-result', 'readiness', 'Get-Status', ''),
    fc.constantFrom(0, 1, 2, 3, 4, 5, -1, 1.5, Number.NaN, Infinity, -0),
    fc.constantFrom(null, undefined, true, false, '1', '4', [], {}),
  );
  const value: fc.Arbitrary<unknown> = fc.oneof(
    { weight: 4, arbitrary: fc.dictionary(key, near, { maxKeys: 4 }) },
    {
      weight: 4,
      arbitrary: fc
        .tuple(fc.constantFrom('get-status', 'set-level', 'get-readiness'), near, fc.option(fc.tuple(key, near), { nil: undefined }))
        .map(([type, level, extra]) => {
          const message: Record<string, unknown> = type === 'set-level' ? { type, level } : { type };
          if (extra) message[extra[0]] = extra[1];
          return message;
        }),
    },
    { weight: 1, arbitrary: fc.jsonValue() },
    { weight: 1, arbitrary: fc.anything() },
    { weight: 1, arbitrary: near },
  );

  it('the hand-written guard accepts and rejects exactly what the zod schema does (property)', () => {
    let accepted = 0;
    fc.assert(
      fc.property(value, (v) => {
        const guard = parsePopupRequest(v);
        const schema = messageSchemas().request.safeParse(v);
        expect(guard.ok).toBe(schema.success);
        if (guard.ok && schema.success) {
          accepted++;
          expect(guard.message).toEqual(schema.data);
        }
      }),
      { numRuns: 5_000 },
    );
    // The generator reaches valid messages often enough for the comparison to mean something.
    expect(accepted).toBeGreaterThan(50);
  });

  // A type-level assertion: `npm run typecheck` (tsc over tests/) fails if they drift apart.
  it('the types and the schema agree', () => {
    type Schemas = ReturnType<typeof messageSchemas>;
    expectTypeOf<ReturnType<Schemas['request']['parse']>>().toEqualTypeOf<PopupRequest>();
    expectTypeOf<ReturnType<Schemas['status']['parse']>>().toEqualTypeOf<StatusResponse>();
    expectTypeOf<ReturnType<Schemas['setLevelResult']['parse']>>().toEqualTypeOf<SetLevelResult>();
    expectTypeOf<ReturnType<Schemas['readiness']['parse']>>().toEqualTypeOf<ReadinessResponse>();
    expectTypeOf<ReturnType<Schemas['injectUiResult']['parse']>>().toEqualTypeOf<InjectUiResult>();
  });
});

describe('content → popup answers (checked by hand in the popup)', () => {
  const statuses: [string, unknown, boolean][] = [
    ['armed with a level', { type: 'status', armed: true, level: 3 }, true],
    ['armed with no level', { type: 'status', armed: true, level: null }, true],
    ['not armed', { type: 'status', armed: false, level: null }, true],
    ['asking about a P1', { type: 'status', armed: true, level: 1, asking: true }, true],
    ['asking: false (absent is the only "no")', { type: 'status', armed: true, level: 1, asking: false }, false],
    ['asking as text', { type: 'status', armed: true, level: 1, asking: 'true' }, false],
    ['no level property', { type: 'status', armed: true }, false],
    ['level 0', { type: 'status', armed: true, level: 0 }, false],
    ['armed as a string', { type: 'status', armed: 'true', level: 1 }, false],
    ['an extra property', { type: 'status', armed: true, level: 1, url: 'x' }, false],
    ['the wrong type', { type: 'set-level-result', armed: true, level: 1 }, false],
    ['undefined (nobody answered)', undefined, false],
    ['null', null, false],
  ];
  it.each(statuses)('status: %s (check and schema)', (_name, value, ok) => {
    const checked = parseStatus(value);
    expect(checked.ok).toBe(ok);
    if (value !== undefined) expect(messageSchemas().status.safeParse(value).success).toBe(ok);
    if (checked.ok) expect(checked.message).toEqual(value as StatusResponse);
    else expect(checked.reason).toMatch(/\w/);
  });

  const results: [string, unknown, boolean][] = [
    ['ok', { type: 'set-level-result', ok: true }, true],
    ...SET_LEVEL_FAILURES.map((reason): [string, unknown, boolean] => [`failed: ${reason}`, { type: 'set-level-result', ok: false, reason }, true]),
    ['a reason that is not a known code', { type: 'set-level-result', ok: false, reason: 'No priority field on this page.' }, false],
    ['failed without a reason', { type: 'set-level-result', ok: false }, true],
    ['reason undefined', { type: 'set-level-result', ok: true, reason: undefined }, true],
    ['reason not a string', { type: 'set-level-result', ok: false, reason: 42 }, false],
    ['ok missing', { type: 'set-level-result' }, false],
    ['ok as a number', { type: 'set-level-result', ok: 1 }, false],
    ['an extra property', { type: 'set-level-result', ok: true, level: 2 }, false],
    ['a status instead', { type: 'status', armed: true, level: 2 }, false],
    ['undefined (nobody answered)', undefined, false],
  ];
  it.each(results)('set-level-result: %s (check and schema)', (_name, value, ok) => {
    const checked = parseSetLevelResult(value);
    expect(checked.ok).toBe(ok);
    if (value !== undefined) expect(messageSchemas().setLevelResult.safeParse(value).success).toBe(ok);
    if (checked.ok) expect(checked.message).toEqual(value as SetLevelResult);
  });

  const found = { id: 'pe-version', label: 'Your PE version.', state: 'found', evidence: '2023.8.1' };
  const missing = { id: 'support-script', label: 'The support script output.', state: 'missing' };
  const unknown = { id: 'custom-1', label: 'Change number', state: 'unknown' };
  const answer = (results: unknown) => ({ type: 'readiness', ok: true, results });
  const inherited = (own: object) => Object.assign(Object.create({ extra: 1 }), own);
  const readiness: [string, unknown, boolean][] = [
    ['one of each state', answer([found, missing, unknown]), true],
    ['no results', answer([]), true],
    [`${READINESS_LIMITS.results} results`, answer(Array.from({ length: READINESS_LIMITS.results }, (_, i) => ({ ...missing, id: `m${i}` }))), true],
    [`${READINESS_LIMITS.results + 1} results`, answer(Array.from({ length: READINESS_LIMITS.results + 1 }, (_, i) => ({ ...missing, id: `m${i}` }))), false],
    ['the longest texts allowed', answer([{ id: 'i'.repeat(80), label: 'l'.repeat(250), state: 'found', evidence: 'e'.repeat(200) }]), true],
    ['an id too long', answer([{ ...missing, id: 'i'.repeat(81) }]), false],
    ['a label too long', answer([{ ...missing, label: 'l'.repeat(251) }]), false],
    ['evidence too long', answer([{ ...found, evidence: 'e'.repeat(201) }]), false],
    ['an empty id', answer([{ ...missing, id: '' }]), false],
    ['an empty label', answer([{ ...unknown, label: '' }]), false],
    ['empty evidence', answer([{ ...found, evidence: '' }]), false],
    ['found without evidence', answer([{ id: 'pe-version', label: 'Your PE version.', state: 'found' }]), false],
    ['missing with evidence', answer([{ ...missing, evidence: 'x' }]), false],
    ['unknown with evidence undefined', answer([{ ...unknown, evidence: undefined }]), false],
    ['another state', answer([{ ...missing, state: 'partial' }]), false],
    ['a result with an extra property', answer([{ ...found, where: 'description' }]), false],
    ['a result with an inherited extra property', answer([inherited(missing)]), false],
    ['a result that is a list', answer([[missing]]), false],
    ['results not a list', answer({ 0: missing }), false],
    ['a hole in the results', answer(Object.assign([missing], { 2: unknown })), false],
    ['not ok, with a reason', { type: 'readiness', ok: false, reason: 'No priority field on this page.' }, true],
    ['not ok, without a reason', { type: 'readiness', ok: false }, false],
    ['not ok, with an empty reason', { type: 'readiness', ok: false, reason: '' }, false],
    ['not ok, a reason too long', { type: 'readiness', ok: false, reason: 'r'.repeat(201) }, false],
    ['not ok, with results too', { type: 'readiness', ok: false, reason: 'x', results: [] }, false],
    ['ok with a reason too', { type: 'readiness', ok: true, results: [], reason: 'x' }, false],
    ['ok as text', { type: 'readiness', ok: 'true', results: [] }, false],
    ['an extra property', { type: 'readiness', ok: true, results: [], url: 'x' }, false],
    ['an inherited extra property', inherited(answer([])), false],
    ['the wrong type', { type: 'status', ok: true, results: [] }, false],
    ['undefined (nobody answered)', undefined, false],
    ['null', null, false],
  ];
  it.each(readiness)('readiness: %s (check and schema)', (_name, value, ok) => {
    const checked = parseReadiness(value);
    expect(checked.ok).toBe(ok);
    if (value !== undefined) expect(messageSchemas().readiness.safeParse(value).success).toBe(ok);
    if (checked.ok) expect(checked.message).toEqual(value as ReadinessResponse);
    else expect(checked.reason).toMatch(/\w/);
  });

  it('readiness: returns fresh objects holding only the known properties', () => {
    const item = { ...found };
    const value = answer([item]);
    const checked = parseReadiness(value);
    expect(checked.ok && checked.message).not.toBe(value);
    expect(checked.ok && checked.message.ok && checked.message.results[0]).not.toBe(item);
  });

  it('never throws on hostile values: refuses them with a reason', () => {
    const hostile = { toString: 0, valueOf: 0 };
    expect(parsePopupRequest({ type: hostile })).toEqual({ ok: false, reason: 'Unknown message type: a object' });
    expect(parsePopupRequest({ type: 'set-level', level: 10n })).toEqual({ ok: false, reason: 'set-level needs a level from 1 to 4, not 10' });
    expect(parseStatus({ type: 'status', armed: true, level: hostile }).ok).toBe(false);
    expect(parseSetLevelResult({ type: hostile, ok: true }).ok).toBe(false);
    expect(parseReadiness({ type: 'readiness', ok: true, results: [{ id: 'x', label: 'y', state: hostile }] }).ok).toBe(false);
    expect(parseReadiness({ type: 'readiness', ok: false, reason: 10n }).ok).toBe(false);
  });

  it('says what is wrong, naming the property', () => {
    expect(parseStatus({ type: 'status', armed: 'yes', level: 1 })).toEqual({ ok: false, reason: 'armed: expected true or false' });
    expect(parseStatus({ type: 'status', armed: true, level: 9 })).toEqual({ ok: false, reason: 'level: expected 1 to 4 or null, not 9' });
    expect(parseStatus({ type: 'status', armed: true, level: 1, url: 'x' })).toEqual({
      ok: false,
      reason: 'Unexpected property "url" in status',
    });
    expect(parseSetLevelResult({ type: 'set-level-result', ok: false, reason: 7 })).toEqual({
      ok: false,
      reason: 'reason: expected text',
    });
    expect(parseStatus(undefined)).toEqual({ ok: false, reason: 'No answer from the page' });
    expect(parseReadiness(answer([found, { ...missing, label: 'l'.repeat(251) }]))).toEqual({
      ok: false,
      reason: 'results.1.label: expected at most 250 characters, not 251',
    });
    expect(parseReadiness(answer([{ ...found, state: 'maybe' }]))).toEqual({
      ok: false,
      reason: 'results.0.state: expected "found", "missing" or "unknown", not "maybe"',
    });
    expect(parseReadiness(answer([{ ...missing, evidence: 'x' }]))).toEqual({
      ok: false,
      reason: 'Unexpected property "evidence" in results.0',
    });
    expect(parseReadiness({ type: 'readiness', ok: false })).toEqual({ ok: false, reason: 'reason: expected text' });
  });
});

describe('content ↔ background: inject-guard-ui', () => {
  it.each<[string, unknown, boolean]>([
    ['the request', { type: 'inject-guard-ui' }, true],
    ['an extra property', { type: 'inject-guard-ui', file: 'evil.js' }, false],
    ['a popup request', { type: 'get-status' }, false],
    ['a string', 'inject-guard-ui', false],
    ['undefined', undefined, false],
  ])('request: %s', (_name, value, ok) => {
    expect(checkInjectUiRequest(value).ok).toBe(ok);
  });

  it.each<[string, unknown, string | null]>([
    ['ok', { type: 'inject-guard-ui-result', ok: true }, null],
    ['failed with a reason', { type: 'inject-guard-ui-result', ok: false, reason: 'No access' }, null],
    ['nobody answered', undefined, 'No answer from the extension'],
    ['null', null, 'Not a message object'],
    ['another type', { type: 'set-level-result', ok: true }, 'Expected inject-guard-ui-result, not "set-level-result"'],
    ['ok as text', { type: 'inject-guard-ui-result', ok: 'yes' }, 'ok: expected true or false'],
    ['an extra property', { type: 'inject-guard-ui-result', ok: true, ui: {} }, 'Unexpected property "ui" in inject-guard-ui-result'],
  ])('answer: %s', (_name, value, refused) => {
    const checked = parseInjectUiResult(value);
    expect(checked.ok ? null : checked.reason).toBe(refused);
  });
});

describe('the hand-written checks accept and reject exactly what the zod schemas do (property)', () => {
  const key = fc.constantFrom('type', 'level', 'armed', 'ok', 'reason', 'results', 'extra', '__proto__', 'constructor', '');
  const near = fc.oneof(
    fc.constantFrom('status', 'set-level-result', 'inject-guard-ui-result', 'readiness', 'get-status', 'Status', '', 'why'),
    fc.constantFrom(0, 1, 2, 3, 4, 5, 1.5, Number.NaN, null, undefined, true, false, [], {}),
  );
  /** Mostly short texts; at times one at or around READINESS_LIMITS' bounds (emoji count as one character). */
  const limitText = fc.oneof(
    { weight: 8, arbitrary: fc.string({ minLength: 1, maxLength: 8 }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('', ...[80, 81, 200, 201, 250, 251].map((n) => 'x'.repeat(n)), '\u{1F600}'.repeat(200), '\u{1F600}'.repeat(201)),
    },
  );
  /** One essential's result, mostly well formed, at times with one property changed or added. */
  const essentialResult = fc
    .tuple(
      fc.constantFrom('found', 'missing', 'unknown'),
      limitText,
      limitText,
      limitText,
      fc.oneof(
        { weight: 6, arbitrary: fc.constant(undefined) },
        { weight: 1, arbitrary: fc.tuple(fc.constantFrom('id', 'label', 'state', 'evidence', 'extra'), fc.oneof(near, limitText)) },
      ),
    )
    .map(([state, id, label, evidence, change]) => {
      const item: Record<string, unknown> = state === 'found' ? { id, label, state, evidence } : { id, label, state };
      if (change) item[change[0]] = change[1];
      return item;
    });
  /**
   * Well-formed answers of every kind, half of them with one property changed or added (most
   * changes make a message invalid: with fewer unchanged ones the count of accepted messages
   * checked below came within chance of its floor).
   */
  const wellFormed = fc.oneof(
    fc.record({ type: fc.constant('status'), armed: fc.boolean(), level: fc.constantFrom(1, 2, 3, 4, null) }),
    fc
      .tuple(fc.boolean(), fc.option(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...SET_LEVEL_FAILURES) }, { weight: 1, arbitrary: fc.string() }), { nil: undefined }))
      .map(([ok, reason]) => ({ type: 'set-level-result', ok, ...(reason === undefined ? {} : { reason }) })),
    fc
      .tuple(fc.boolean(), fc.option(fc.string(), { nil: undefined }))
      .map(([ok, reason]) => ({ type: 'inject-guard-ui-result', ok, ...(reason === undefined ? {} : { reason }) })),
    fc.oneof(
      fc.record({ type: fc.constant('readiness'), ok: fc.constant(true), results: fc.array(essentialResult, { maxLength: 17 }) }),
      fc.record({ type: fc.constant('readiness'), ok: fc.constant(false), reason: limitText }),
    ),
  );
  const value: fc.Arbitrary<unknown> = fc.oneof(
    { weight: 4, arbitrary: fc.tuple(wellFormed, fc.option(fc.tuple(key, near), { nil: undefined, freq: 2 })).map(([m, change]) => (change ? { ...m, [change[0]]: change[1] } : m)) },
    { weight: 3, arbitrary: fc.dictionary(key, near, { maxKeys: 4 }) },
    { weight: 1, arbitrary: fc.anything() },
  );

  it.each([
    ['status', parseStatus],
    ['setLevelResult', parseSetLevelResult],
    ['injectUiResult', parseInjectUiResult],
    ['readiness', parseReadiness],
  ] as const)('%s', (schemaName, parse) => {
    let accepted = 0;
    let withResults = 0;
    fc.assert(
      fc.property(value, (v) => {
        const checked = parse(v);
        const schema = messageSchemas()[schemaName].safeParse(v);
        expect(checked.ok).toBe(schema.success);
        if (checked.ok && schema.success) {
          accepted++;
          if ('results' in checked.message && checked.message.results.length > 0) withResults++;
          expect(checked.message).toEqual(schema.data);
        }
      }),
      { numRuns: 4_000 },
    );
    expect(accepted).toBeGreaterThan(100);
    // Readiness answers are compared item by item too, not only with empty lists.
    if (schemaName === 'readiness') expect(withResults).toBeGreaterThan(20);
  });
});
