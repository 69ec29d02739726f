/**
 * IPC fuzzing: for every channel of the contract, 1,000 generated malformed payloads go through
 * the real handlers over a real database seeded with plans. Each reply must be `{ ok: false }`
 * with the specific code (`invalid_input` for a payload the contract refuses, `not_found` for a
 * well-formed one naming a plan or profile that does not exist), the handler must never throw,
 * nothing may leak into Object.prototype, and the database must be byte-for-byte unchanged.
 *
 * Payloads are passed through `structuredClone` first: that is what Electron's IPC does to
 * whatever the renderer sends (prototypes, functions and getters do not survive), so the handler
 * sees exactly what an attacker in the renderer could make it see.
 */
import fc from 'fast-check';
import Database from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import { openAppServices } from '../../../electron/main/app-services';
import { createProfilesRepository } from '../../../electron/main/db/profiles-repository';
import type { Invoke } from '../../../electron/main/ipc/handlers';
import { channels, ipcContract, type Channel, type IpcResult } from '../../../shared/ipc/contract';
import type { Plan } from '../../../shared/plan/schema';
import { diskState } from '../helpers/database';
import { samplePlan, TINY_PACK_PATH } from '../helpers/fixtures';
import { useTempDirs } from '../helpers/temp-dir';
import { dumpDatabase, valueOf } from './helpers';

const RUNS = 1000;
/** Seeded ids are small; anything from here up names nothing. */
const MISSING_FROM = 1000;
const tempDir = useTempDirs();

// ---------------------------------------------------------------- building blocks

const SQL_STRINGS = [
  "'; DROP TABLE plans; --",
  '1; DELETE FROM plans WHERE 1=1; --',
  "' OR '1'='1",
  '1 OR 1=1',
  "x' UNION SELECT name, sql FROM sqlite_schema --",
  "'); UPDATE plans SET revision = 99, deleted_at = NULL; --",
  "'; ATTACH DATABASE '/tmp/pwned.sqlite' AS pwned; --",
  'PRAGMA writable_schema = 1',
  "robert'); DROP TABLE profiles;--",
];
const ODD_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\uD800',
  '\u202Eevil',
  '../../etc/passwd',
  '<img src=x onerror=alert(1)>',
  'null',
  'NaN',
  '1',
  '-1',
  '1e309',
  '0x10',
];
const POLLUTION_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  '__defineGetter__',
  'hasOwnProperty',
  'toString',
  'valueOf',
];

const hugeString = fc
  .tuple(fc.constantFrom(10_000, 100_000, 1_000_000), fc.constantFrom('x', 'é', '😀', "'", '\u0000'))
  .map(([length, unit]) => unit.repeat(length));

const weirdNumber = fc.oneof(
  fc.constantFrom(
    NaN,
    Infinity,
    -Infinity,
    -0,
    0,
    -1,
    0.5,
    1.5,
    -1.5,
    2 ** 31,
    2 ** 53,
    2 ** 53 + 2,
    -(2 ** 63),
    Number.MAX_VALUE,
    Number.MIN_VALUE,
  ),
  fc.double(),
  fc.integer({ min: -1_000_000, max: 0 }),
  fc.double({ min: -1e6, max: 1e6, noInteger: true, noNaN: true }),
  fc.bigInt(),
);

/** `{ a: { a: … } }` or `[[[…]]]`, up to 1,500 levels deep (IPC's structured clone refuses much deeper). */
const deeplyNested = fc.tuple(fc.integer({ min: 50, max: 1500 }), fc.boolean()).map(([depth, asArray]) => {
  let value: unknown = 'bottom';
  for (let level = 0; level < depth; level += 1) value = asArray ? [value] : { a: value };
  return value;
});

/** An own property named `__proto__` (or `constructor`…), as JSON.parse or a computed key makes one. */
function withOwnKey(target: object, key: string, value: unknown): object {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  return target;
}
const pollutingObject = fc
  .tuple(
    fc.constantFrom(...POLLUTION_KEYS),
    fc.constantFrom<unknown>({ polluted: 'yes', isAdmin: true, id: 1 }, 'yes', 1),
  )
  .map(([key, value]) => withOwnKey({}, key, value));

const junk: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.anything({
      maxDepth: 3,
      withBigInt: true,
      withBoxedValues: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withTypedArray: true,
      withSparseArray: true,
      withNullPrototype: true,
    }),
  },
  { weight: 2, arbitrary: weirdNumber },
  { weight: 2, arbitrary: fc.constantFrom(...SQL_STRINGS, ...ODD_STRINGS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: hugeString },
  { weight: 1, arbitrary: deeplyNested },
  { weight: 1, arbitrary: pollutingObject },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(undefined, null, true, false, [], {}, [{}], new Date(0)) },
);

const extraKey = fc.oneof(
  fc.constantFrom(...POLLUTION_KEYS),
  fc.string({ maxLength: 20 }),
  fc.constantFrom(...SQL_STRINGS),
);

// ---------------------------------------------------------------- mutating a valid payload

type Path = Array<string | number>;
type Mutation =
  | { kind: 'replace'; value: unknown }
  | { kind: 'delete' }
  | { kind: 'extra-key'; key: string; value: unknown }
  | { kind: 'wrap-in-array' }
  | { kind: 'as-json-string' };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 5, arbitrary: junk.map((value) => ({ kind: 'replace' as const, value })) },
  { weight: 2, arbitrary: fc.constant({ kind: 'delete' as const }) },
  {
    weight: 2,
    arbitrary: fc.tuple(extraKey, junk).map(([key, value]) => ({ kind: 'extra-key' as const, key, value })),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'wrap-in-array' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'as-json-string' as const }) },
);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Every node of the payload's plain objects and arrays, the root first (junk is a leaf). */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  const paths: Path[] = [prefix];
  if (prefix.length >= 6) return paths;
  if (Array.isArray(value)) value.forEach((item, index) => paths.push(...pathsOf(item, [...prefix, index])));
  else if (isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) paths.push(...pathsOf(item, [...prefix, key]));
  }
  return paths;
}

function applyMutation(root: unknown, path: Path, change: Mutation): unknown {
  const node = path.reduce<unknown>((at, key) => (at as Record<string | number, unknown>)[key], root);
  const next = (): unknown => {
    switch (change.kind) {
      case 'replace':
        return change.value;
      case 'delete':
        return undefined;
      case 'extra-key':
        return isPlainObject(node) ? withOwnKey({ ...node }, change.key, change.value) : change.value;
      case 'wrap-in-array':
        return [node];
      case 'as-json-string':
        try {
          return JSON.stringify(node) ?? 'undefined';
        } catch {
          // A BigInt, or an object JSON cannot write: a string where something else belongs is the point.
          return Object.prototype.toString.call(node);
        }
    }
  };
  if (path.length === 0) return next();
  const parent = path
    .slice(0, -1)
    .reduce<unknown>((at, key) => (at as Record<string | number, unknown>)[key], root);
  const last = path[path.length - 1];
  const container = parent as Record<string | number, unknown>;
  if (change.kind === 'delete' && !Array.isArray(parent)) delete container[last];
  else container[last] = next();
  return root;
}

/** A valid payload with one to three of its nodes (anywhere, the root included) broken. */
function mutated(base: () => unknown): fc.Arbitrary<unknown> {
  return fc.array(fc.tuple(fc.nat(), mutation), { minLength: 1, maxLength: 3 }).map((changes) => {
    let payload = structuredClone(base());
    for (const [pick, change] of changes) {
      const paths = pathsOf(payload);
      payload = applyMutation(payload, paths[pick % paths.length], change);
    }
    return payload;
  });
}

// ---------------------------------------------------------------- per channel

const missingId = fc.integer({ min: MISSING_FROM, max: Number.MAX_SAFE_INTEGER });
const validName = fc.string({ minLength: 1, maxLength: 100 }).filter((name) => name.trim().length > 0);

function fullPlan(): Plan {
  return samplePlan({
    steps: [
      { type: 'hours', hoursPerWeek: 32, year: 2027, note: 'part time while studying' },
      { type: 'certification', certification: 'cma', year: 2028, cost: 125, payChangePct: 5 },
      { type: 'role', role: 'medical-assistant', year: 2029 },
    ],
    assumptions: { inflationPct: 2.5, realRaisePct: 1, band: 'p25-p75', dollars: 'today' },
    studentName: 'Sam',
  });
}

/**
 * For each channel: valid payloads to break, and well-formed ones naming something that does
 * not exist (answered `not_found`). A channel missing here (added to the contract later) is
 * still fuzzed, from `{}` and pure junk. The export and import channels get no well-formed
 * payloads at all: a valid call opens a save or open dialog, which is not what this test is about.
 */
const CHANNEL_CASES: Partial<
  Record<Channel, { bases: Array<() => unknown>; missing?: fc.Arbitrary<unknown> }>
> = {
  'app:info': { bases: [() => ({})] },
  'datapack:get': { bases: [() => ({})] },
  'profiles:list': { bases: [() => ({})] },
  'plans:list': {
    bases: [() => ({ profileId: 1 })],
    missing: missingId.map((profileId) => ({ profileId })),
  },
  'plans:get': { bases: [() => ({ id: 1 })], missing: missingId.map((id) => ({ id })) },
  'plans:create': {
    bases: [() => ({ plan: fullPlan() }), () => ({ profileId: 1, plan: samplePlan() })],
    missing: missingId.map((profileId) => ({ profileId, plan: fullPlan() })),
  },
  'plans:save': {
    bases: [() => ({ id: 1, revision: 0, plan: fullPlan() })],
    missing: fc.tuple(missingId, fc.nat()).map(([id, revision]) => ({ id, revision, plan: fullPlan() })),
  },
  'plans:rename': {
    bases: [() => ({ id: 1, name: 'Renamed' })],
    missing: fc.tuple(missingId, validName).map(([id, name]) => ({ id, name })),
  },
  'plans:duplicate': { bases: [() => ({ id: 1 })], missing: missingId.map((id) => ({ id })) },
  'plans:delete': { bases: [() => ({ id: 1 })], missing: missingId.map((id) => ({ id })) },
  'plans:restore': { bases: [() => ({ id: 4 })], missing: missingId.map((id) => ({ id })) },
  'report:get': {
    bases: [() => ({ planId: 1 }), () => ({ planId: 1, compareWithId: 2 })],
    missing: fc
      .tuple(missingId, fc.option(fc.constantFrom(1, 2), { nil: undefined }))
      .map(([planId, compareWithId]) =>
        compareWithId === undefined ? { planId } : { planId, compareWithId },
      ),
  },
  'export:pdf': {
    bases: [() => ({ planId: 1, paper: 'letter', studentName: 'Sam', compareWithId: 2 })],
  },
  'export:csv': { bases: [() => ({ planId: 1 })] },
  'export:plans': { bases: [() => ({ planIds: [1, 2] })] },
  'import:plans': { bases: [() => ({ profileId: 1, token: 'abc', onConflict: 'rename' })] },
};
const GENERIC_CASE: { bases: Array<() => unknown>; missing?: fc.Arbitrary<unknown> } = {
  bases: [() => ({})],
};

/** A well-formed payload is only sent when it names a plan or profile that does not exist. */
function namesOnlyMissingRows(channel: Channel, data: unknown): boolean {
  if (!CHANNEL_CASES[channel]?.missing) return false;
  const { id, planId, profileId } = data as { id?: number; planId?: number; profileId?: number };
  return [id, planId, profileId].some((value) => value !== undefined && value >= MISSING_FROM);
}

const CANNOT_SEND = Symbol('cannot be sent over IPC');

/** What the main process receives: a structured clone. What cannot be cloned, the renderer cannot send. */
function throughIpc(payload: unknown): unknown {
  try {
    return structuredClone(payload);
  } catch {
    return CANNOT_SEND;
  }
}

interface FuzzCase {
  payload: unknown;
  expected: 'invalid_input' | 'not_found';
}

/** Malformed or dangling payloads for `channel`, as they arrive after IPC's structured clone. */
function fuzzCases(channel: Channel): fc.Arbitrary<FuzzCase> {
  const { bases, missing } = CHANNEL_CASES[channel] ?? GENERIC_CASE;
  const sources = [
    ...bases.map((base) => ({ weight: 5, arbitrary: mutated(base) })),
    { weight: 1, arbitrary: junk },
    ...(missing ? [{ weight: 2, arbitrary: missing }] : []),
  ];
  return fc
    .oneof(...sources)
    .map((payload): FuzzCase | undefined => {
      const received = throughIpc(payload);
      if (received === CANNOT_SEND) return undefined;
      const parsed = ipcContract[channel].input.safeParse(received);
      if (!parsed.success) return { payload: received, expected: 'invalid_input' };
      // A mutation that happens to leave a valid call on a real plan is not malformed: skip it.
      return namesOnlyMissingRows(channel, parsed.data)
        ? { payload: received, expected: 'not_found' }
        : undefined;
    })
    .filter((fuzzCase): fuzzCase is FuzzCase => fuzzCase !== undefined);
}

// ---------------------------------------------------------------- the database

/**
 * The app's own services (the same handlers the window and the e2e bridge call) over a fresh
 * data folder with a few plans: live, saved, renamed, in the bin, in a second profile. A second
 * connection observes the database: every row, and the file's hash after a checkpoint.
 */
async function seededHandlers(): Promise<{ invoke: Invoke; snapshot: () => unknown }> {
  const services = await openAppServices({
    dataDir: tempDir(),
    dataPackPath: TINY_PACK_PATH,
    appVersion: '0.0.0-fuzz',
  });
  const observer = new Database(services.databaseFile);
  onTestFinished(() => {
    observer.close();
    services.close();
  });
  createProfilesRepository(observer).create('Second student');
  const { invoke } = services;
  for (const name of ['First', 'Second', 'Third', 'In the bin']) {
    valueOf(await invoke('plans:create', { plan: samplePlan({ name }) }));
  }
  valueOf(await invoke('plans:save', { id: 2, revision: 0, plan: fullPlan() }));
  valueOf(await invoke('plans:rename', { id: 3, name: 'Third, renamed' }));
  valueOf(await invoke('plans:delete', { id: 4 }));
  valueOf(await invoke('plans:create', { profileId: 2, plan: samplePlan({ name: 'Theirs' }) }));
  return {
    invoke,
    snapshot: () => ({ rows: dumpDatabase(observer), disk: diskState(observer, services.databaseFile) }),
  };
}

function assertPrototypesClean(): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(CLEAN_OBJECT_PROTOTYPE);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
}
const CLEAN_OBJECT_PROTOTYPE = Object.getOwnPropertyNames(Object.prototype).sort();

// ---------------------------------------------------------------- the properties

describe('IPC fuzzing: malformed payloads are refused, nothing changes', () => {
  it.each(channels)(`%s: ${RUNS} generated payloads`, { timeout: 120_000 }, async (channel) => {
    const { invoke, snapshot } = await seededHandlers();
    const before = snapshot();
    const seen = { invalid_input: 0, not_found: 0 };

    await fc.assert(
      fc.asyncProperty(fuzzCases(channel), async ({ payload, expected }) => {
        let result: IpcResult<unknown>;
        try {
          result = await invoke(channel, payload);
        } catch (error) {
          throw new Error(`the handler threw instead of replying: ${String(error)}`, { cause: error });
        }
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.error.code).toBe(expected);
        expect(typeof result.error.message).toBe('string');
        expect(result.error.message.length).toBeGreaterThan(0);
        if (expected === 'invalid_input') expect(result.error.path).toMatch(/^\$/);
        seen[expected] += 1;
        assertPrototypesClean();
      }),
      { numRuns: RUNS },
    );

    expect(seen.invalid_input + seen.not_found).toBe(RUNS);
    if (CHANNEL_CASES[channel]?.missing) expect(seen.not_found).toBeGreaterThan(0);
    expect(snapshot()).toEqual(before);
  });

  it(`unknown channel names (${RUNS} generated) are refused without touching anything`, async () => {
    const { invoke, snapshot } = await seededHandlers();
    const before = snapshot();
    const names = fc
      .oneof(
        fc.string(),
        fc.constantFrom(
          ...POLLUTION_KEYS,
          'PLANS:GET',
          'plans:get ',
          ' plans:get',
          'plans:get\u0000',
          'plans:',
          ':get',
          'plans:drop',
        ),
        fc.constantFrom(...channels).map((channel) => channel.toUpperCase()),
        junk,
      )
      .filter((name) => !(channels as readonly unknown[]).includes(name));
    await fc.assert(
      fc.asyncProperty(
        names,
        fc.constantFrom<unknown>({}, { id: 1 }, { plan: samplePlan() }),
        async (name, payload) => {
          const result = await invoke(name, payload);
          expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
          assertPrototypesClean();
        },
      ),
      { numRuns: RUNS },
    );
    expect(snapshot()).toEqual(before);
  });
});
