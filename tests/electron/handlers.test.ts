import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createIpcHandlers, type Invoke } from '../../electron/main/ipc/handlers';
import type { Db } from '../../electron/main/db/connection';
import {
  ipcContract,
  isChannel,
  type Channel,
  type ChannelOutput,
  type IpcResult,
} from '../../shared/ipc/contract';
import { diskState, openTestDatabase } from './helpers/database';
import { samplePlan, tinyPack } from './helpers/fixtures';
import { useTempDirs } from './helpers/temp-dir';

const tempDir = useTempDirs();
let db: Db;
let file: string;
let invoke: Invoke;
const appInfo = { version: '0.1.0', dataDir: '/data', databaseFile: '/data/planner.sqlite' };

beforeEach(async () => {
  ({ db, file } = await openTestDatabase(tempDir()));
  ({ invoke } = createIpcHandlers({ db, dataPack: tinyPack(), appInfo }));
});
afterEach(() => {
  vi.restoreAllMocks();
  db.close();
});

/** A successful call, with its value checked against the contract's output schema. */
async function ok<C extends Channel>(channel: C, input: unknown): Promise<ChannelOutput<C>> {
  const result = await invoke(channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code}: ${result.error.message}`);
  return ipcContract[channel].output.parse(result.value) as ChannelOutput<C>;
}

async function failure(channel: unknown, input: unknown) {
  const result = (await invoke(channel, input)) as IpcResult<unknown>;
  if (result.ok) throw new Error(`expected ${String(channel)} to fail`);
  return result.error;
}

describe('IPC handlers: valid calls on every channel', () => {
  it('app:info, datapack:get and profiles:list', async () => {
    expect(await ok('app:info', {})).toEqual(appInfo);
    expect((await ok('datapack:get', {})).roles.map((r) => r.id)).toEqual(['medical-assistant']);
    expect(await ok('profiles:list', {})).toEqual([{ id: 1, name: 'My plans', isDefault: true }]);
  });

  it('plans: create → get → save → rename → duplicate → list → delete → restore', async () => {
    const created = await ok('plans:create', { plan: samplePlan() });
    expect(created).toMatchObject({ id: 1, profileId: 1, revision: 0 });
    expect(await ok('plans:get', { id: created.id })).toEqual(created);

    const saved = await ok('plans:save', { id: created.id, revision: 0, plan: samplePlan({ years: 12 }) });
    expect(saved).toMatchObject({ revision: 1, plan: { years: 12 } });

    const renamed = await ok('plans:rename', { id: created.id, name: '  Trimmed name  ' });
    expect(renamed).toMatchObject({ revision: 2, plan: { name: 'Trimmed name' } });

    const copy = await ok('plans:duplicate', { id: created.id });
    expect(copy.plan.name).toBe('Trimmed name (copy)');

    expect((await ok('plans:list', {})).map((p) => p.name).sort()).toEqual([
      'Trimmed name',
      'Trimmed name (copy)',
    ]);
    expect(await ok('plans:list', { profileId: 1 })).toHaveLength(2);

    expect(await ok('plans:delete', { id: copy.id })).toEqual({ id: copy.id });
    expect((await ok('plans:list', {})).map((p) => p.id)).toEqual([created.id]);
    expect(await ok('plans:restore', { id: copy.id })).toEqual(copy);
  });
});

describe('IPC handlers: errors', () => {
  it('rejects an unknown channel by name', async () => {
    expect(await failure('plans:drop', {})).toEqual({
      code: 'invalid_input',
      message: 'Unknown channel "plans:drop"',
    });
    expect((await failure(42, {})).message).toBe('Unknown channel (a number, not a channel name)');
    expect(isChannel('constructor')).toBe(false);
    expect((await failure('constructor', {})).code).toBe('invalid_input');
  });

  it('names the failing field and its JSON path', async () => {
    const plan = samplePlan({ steps: [{ type: 'hours', hoursPerWeek: 30, year: 2040 }] });
    expect(await failure('plans:create', { plan })).toEqual({
      code: 'invalid_input',
      message: "plan.steps[0].year: must be within the plan's years 2026–2035",
      path: '$.plan.steps[0].year',
    });
    expect(await failure('plans:rename', { id: 1, name: '   ' })).toMatchObject({
      message: 'name: must not be empty',
      path: '$.name',
    });
    expect(await failure('plans:get', { id: 1, extra: true })).toEqual({
      code: 'invalid_input',
      message: 'extra: is not a field Pathway Planner knows',
      path: '$.extra',
    });
    expect(await failure('plans:get', undefined)).toMatchObject({ code: 'invalid_input', path: '$' });
    expect((await failure('plans:get', undefined)).message).toMatch(/^input: /);
    expect(await failure('plans:save', { id: 'one', revision: -1, plan: samplePlan() })).toMatchObject({
      path: '$.id',
      message: expect.stringMatching(/^id: .+ \(and 1 more problem\)$/),
    });
  });

  it('changes nothing on disk for any invalid payload', async () => {
    const existing = await ok('plans:create', { plan: samplePlan() });
    const before = diskState(db, file);
    const invalid: Array<[Channel, unknown]> = [
      ['app:info', { unexpected: 1 }],
      ['datapack:get', null],
      ['profiles:list', []],
      ['plans:list', { profileId: 0 }],
      ['plans:get', { id: -1 }],
      ['plans:create', { plan: { ...samplePlan(), years: 0 } }],
      ['plans:create', { plan: { ...samplePlan(), surprise: 'field' } }],
      ['plans:save', { id: existing.id, revision: 0, plan: { ...samplePlan(), name: '' } }],
      ['plans:save', { id: existing.id, plan: samplePlan() }],
      ['plans:rename', { id: existing.id, name: 'x'.repeat(121) }],
      ['plans:duplicate', { id: 1.5 }],
      ['plans:delete', { id: '1' }],
      ['plans:restore', {}],
    ];
    for (const [channel, payload] of invalid) {
      const error = await failure(channel, payload);
      expect(error.code, `${channel} ${JSON.stringify(payload)}`).toBe('invalid_input');
      expect(error.path).toMatch(/^\$/);
    }
    expect(diskState(db, file)).toEqual(before);
    expect(await ok('plans:get', { id: existing.id })).toEqual(existing);
  });

  it('maps missing plans to not_found and stale saves to conflict, writing nothing', async () => {
    const created = await ok('plans:create', { plan: samplePlan() });
    await ok('plans:save', { id: created.id, revision: 0, plan: samplePlan({ years: 11 }) });
    const before = diskState(db, file);

    expect(
      await failure('plans:save', { id: created.id, revision: 0, plan: samplePlan({ years: 30 }) }),
    ).toEqual({
      code: 'conflict',
      message: `Plan ${created.id} was changed elsewhere since it was opened (it is at revision 1; this save was based on revision 0). Reload the plan and make the change again.`,
    });
    for (const channel of ['plans:get', 'plans:duplicate', 'plans:delete', 'plans:restore'] as const) {
      expect(await failure(channel, { id: 404 })).toEqual({
        code: 'not_found',
        message: 'Plan 404 was not found. It may have been deleted.',
      });
    }
    expect(await failure('plans:rename', { id: 404, name: 'x' })).toMatchObject({ code: 'not_found' });
    expect(await failure('plans:list', { profileId: 9 })).toEqual({
      code: 'not_found',
      message: 'Profile 9 was not found.',
    });
    expect(await failure('plans:create', { profileId: 9, plan: samplePlan() })).toMatchObject({
      code: 'not_found',
    });
    expect(diskState(db, file)).toEqual(before);
  });

  it('reports a corrupt stored plan as an error instead of hiding it', async () => {
    const created = await ok('plans:create', { plan: samplePlan() });
    db.prepare("UPDATE plans SET body = json_set(body, '$.years', 0) WHERE id = ?").run(created.id);
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});

    const got = await failure('plans:get', { id: created.id });
    expect(got.code).toBe('internal');
    expect(got.message).toContain(`Plan ${created.id} is stored in a form this app cannot read`);
    expect(got.message).toContain('$.years: must be at least 1');
    const listed = await ok('plans:list', {});
    expect(listed.find((p) => p.id === created.id)?.unreadable).toContain('$.years: must be at least 1');
    expect(error).toHaveBeenCalled();
  });

  it('never throws: an unexpected failure becomes a safe internal error and is logged', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    db.exec('DROP TABLE plans');
    const result = await failure('plans:list', {});
    expect(result).toEqual({
      code: 'internal',
      message:
        'Pathway Planner could not complete "plans:list" because of an unexpected error. The details were written to the log.',
    });
    expect(result.message).not.toContain('no such table');
    expect(error).toHaveBeenCalledWith('[ipc] "plans:list" failed:', expect.any(Error));
  });
});
