import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openAppServices, PURGE_DELETED_AFTER_DAYS } from '../../electron/main/app-services';
import { DataPackError } from '../../electron/main/datapack/load-data-pack';
import { DatabaseTooNewError } from '../../electron/main/db/migrate';
import { samplePlan, TINY_PACK_PATH } from './helpers/fixtures';
import { sha256 } from './helpers/database';
import { useTempDirs } from './helpers/temp-dir';

const tempDir = useTempDirs();
const DAY = 24 * 60 * 60 * 1000;

describe('openAppServices', () => {
  it('creates the data folder and database, and serves IPC', async () => {
    const dataDir = join(tempDir(), 'nested', 'PathwayPlannerData');
    const services = await openAppServices({ dataDir, dataPackPath: TINY_PACK_PATH, appVersion: '1.2.3' });
    expect(services.databaseFile).toBe(join(dataDir, 'planner.sqlite'));
    expect(await services.invoke('app:info', {})).toEqual({
      ok: true,
      value: { version: '1.2.3', dataDir, databaseFile: services.databaseFile },
    });
    expect(await services.invoke('plans:create', { plan: samplePlan() })).toMatchObject({ ok: true });
    services.close();
    services.close();
    // A clean close checkpoints the WAL into the main file and removes it.
    expect(readdirSync(dataDir)).toEqual(['planner.sqlite']);
  });

  it('keeps plans across a restart', async () => {
    const dataDir = tempDir();
    const first = await openAppServices({ dataDir, dataPackPath: TINY_PACK_PATH, appVersion: '1' });
    await first.invoke('plans:create', { plan: samplePlan({ name: 'Kept' }) });
    first.close();
    const second = await openAppServices({ dataDir, dataPackPath: TINY_PACK_PATH, appVersion: '1' });
    expect(await second.invoke('plans:list', {})).toMatchObject({ ok: true, value: [{ name: 'Kept' }] });
    second.close();
  });

  it('loads the repository data pack by default', async () => {
    const services = await openAppServices({ dataDir: tempDir(), appVersion: '1' });
    const pack = await services.invoke('datapack:get', {});
    expect(pack).toMatchObject({ ok: true, value: { format: 'pathway-planner/datapack' } });
    services.close();
  });

  it(`purges plans that have been in the bin for more than ${PURGE_DELETED_AFTER_DAYS} days on open`, async () => {
    const dataDir = tempDir();
    let now = Date.UTC(2026, 0, 1);
    const clock = () => new Date(now);
    const first = await openAppServices({ dataDir, dataPackPath: TINY_PACK_PATH, appVersion: '1', clock });
    await first.invoke('plans:create', { plan: samplePlan({ name: 'Old' }) });
    await first.invoke('plans:delete', { id: 1 });
    now += 10 * DAY;
    await first.invoke('plans:create', { plan: samplePlan({ name: 'Recent' }) });
    await first.invoke('plans:delete', { id: 2 });
    first.close();

    now += (PURGE_DELETED_AFTER_DAYS - 5) * DAY;
    const second = await openAppServices({ dataDir, dataPackPath: TINY_PACK_PATH, appVersion: '1', clock });
    expect(await second.invoke('plans:restore', { id: 1 })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await second.invoke('plans:restore', { id: 2 })).toMatchObject({
      ok: true,
      value: { plan: { name: 'Recent' } },
    });
    second.close();
  });

  it('fails on a broken data pack before creating anything', async () => {
    const dir = tempDir();
    const pack = join(dir, 'pack.json');
    writeFileSync(pack, JSON.stringify({ format: 'pathway-planner/datapack' }));
    const dataDir = join(dir, 'data');
    await expect(openAppServices({ dataDir, dataPackPath: pack, appVersion: '1' })).rejects.toThrow(
      DataPackError,
    );
    expect(existsSync(dataDir)).toBe(false);
  });

  it('refuses a database from a newer app and leaves it as it was', async () => {
    const dataDir = tempDir();
    const file = join(dataDir, 'planner.sqlite');
    const newer = new Database(file);
    newer.pragma('user_version = 7');
    newer.exec('CREATE TABLE future (x)');
    newer.close();
    const before = sha256(file);
    await expect(openAppServices({ dataDir, dataPackPath: TINY_PACK_PATH, appVersion: '1' })).rejects.toThrow(
      DatabaseTooNewError,
    );
    expect(sha256(file)).toBe(before);
    expect(readdirSync(dataDir)).toEqual(['planner.sqlite']);
  });
});
