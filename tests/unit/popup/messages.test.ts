import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  checkInjectUiRequest,
  messageSchemas,
  parseInjectUiResult,
  parsePopupRequest,
  parseSetLevelResult,
  parseStatus,
  type InjectUiResult,
  type PopupRequest,
  type SetLevelResult,
  type StatusResponse,
} from '@/lib/messages';

const REQUESTS_ACCEPTED: [string, unknown][] = [
  ['get-status', { type: 'get-status' }],
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
    fc.constantFrom('get-status', 'set-level', 'status', 'set-level-result', 'Get-Status', ''),
    fc.constantFrom(0, 1, 2, 3, 4, 5, -1, 1.5, Number.NaN, Infinity, -0),
    fc.constantFrom(null, undefined, true, false, '1', '4', [], {}),
  );
  const value: fc.Arbitrary<unknown> = fc.oneof(
    { weight: 4, arbitrary: fc.dictionary(key, near, { maxKeys: 4 }) },
    {
      weight: 4,
      arbitrary: fc
        .tuple(fc.constantFrom('get-status', 'set-level'), near, fc.option(fc.tuple(key, near), { nil: undefined }))
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
    ['failed with a reason', { type: 'set-level-result', ok: false, reason: 'No priority field on this page.' }, true],
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

  it('never throws on hostile values: refuses them with a reason', () => {
    const hostile = { toString: 0, valueOf: 0 };
    expect(parsePopupRequest({ type: hostile })).toEqual({ ok: false, reason: 'Unknown message type: a object' });
    expect(parsePopupRequest({ type: 'set-level', level: 10n })).toEqual({ ok: false, reason: 'set-level needs a level from 1 to 4, not 10' });
    expect(parseStatus({ type: 'status', armed: true, level: hostile }).ok).toBe(false);
    expect(parseSetLevelResult({ type: hostile, ok: true }).ok).toBe(false);
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
  const key = fc.constantFrom('type', 'level', 'armed', 'ok', 'reason', 'extra', '__proto__', 'constructor', '');
  const near = fc.oneof(
    fc.constantFrom('status', 'set-level-result', 'inject-guard-ui-result', 'get-status', 'Status', '', 'why'),
    fc.constantFrom(0, 1, 2, 3, 4, 5, 1.5, Number.NaN, null, undefined, true, false, [], {}),
  );
  /**
   * Well-formed answers of every kind, half of them with one property changed or added (most
   * changes make a message invalid: with fewer unchanged ones the count of accepted messages
   * checked below came within chance of its floor).
   */
  const wellFormed = fc.oneof(
    fc.record({ type: fc.constant('status'), armed: fc.boolean(), level: fc.constantFrom(1, 2, 3, 4, null) }),
    fc
      .tuple(fc.constantFrom('set-level-result', 'inject-guard-ui-result'), fc.boolean(), fc.option(fc.string(), { nil: undefined }))
      .map(([type, ok, reason]) => ({ type, ok, ...(reason === undefined ? {} : { reason }) })),
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
  ] as const)('%s', (schemaName, parse) => {
    let accepted = 0;
    fc.assert(
      fc.property(value, (v) => {
        const checked = parse(v);
        const schema = messageSchemas()[schemaName].safeParse(v);
        expect(checked.ok).toBe(schema.success);
        if (checked.ok && schema.success) {
          accepted++;
          expect(checked.message).toEqual(schema.data);
        }
      }),
      { numRuns: 4_000 },
    );
    expect(accepted).toBeGreaterThan(100);
  });
});
