/**
 * Automatic backups, with a fake clock: one on open when the newest is a day old (and before
 * every migration), rotated to the newest ten, never half-written, never in the way of a start.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BACKUPS_KEPT, openAppServices } from '../../../electron/main/app-services';
import { backupDatabase, DAY_MS, isBackupDue, listBackups } from '../../../electron/main/db/backup';
import { MIGRATIONS, type Migration } from '../../../electron/main/db/migrations';
import { openDatabase } from '../../../electron/main/db/open-database';
import { samplePlan, TINY_PACK_PATH } from '../helpers/fixtures';
import { useTempDirs } from '../helpers/temp-dir';
import { snapshotOf, valueOf } from './helpers';

const tempDir = useTempDirs();
const HOUR = 60 * 60 * 1000;

beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
});

function fakeClock(start = Date.UTC(2026, 0, 1, 8)) {
  let now = start;
  return {
    clock: () => new Date(now),
    advance: (ms: number) => (now += ms),
  };
}

function planNamesIn(file: string): string[] {
  const db = snapshotOf(file);
  try {
    return db.prepare<[], string>('SELECT name FROM plans ORDER BY id').pluck().all();
  } finally {
    db.close();
  }
}

describe('daily backups', () => {
  it('none for a brand-new database; then one per day, on open, holding the plans as they were', async () => {
    const dataDir = tempDir();
    const backupsDir = join(dataDir, 'backups');
    const { clock, advance } = fakeClock();
    const open = () => openAppServices({ dataDir, dataPackPath: TINY_PACK_PATH, appVersion: 'test', clock });

    const first = await open();
    valueOf(await first.invoke('plans:create', { plan: samplePlan({ name: 'Monday' }) }));
    first.close();
    expect(listBackups(backupsDir)).toEqual([]);

    advance(HOUR); // same day, but no backup yet: take one
    const second = await open();
    valueOf(await second.invoke('plans:create', { plan: samplePlan({ name: 'Monday, later' }) }));
    second.close();
    expect(listBackups(backupsDir).map((b) => b.takenAt)).toEqual([new Date(Date.UTC(2026, 0, 1, 9))]);

    advance(DAY_MS - 1); // 1 ms short of a day since that backup
    (await open()).close();
    expect(listBackups(backupsDir)).toHaveLength(1);

    advance(1);
    (await open()).close();
    const backups = listBackups(backupsDir);
    expect(backups.map((b) => b.takenAt)).toEqual([
      new Date(Date.UTC(2026, 0, 2, 9)),
      new Date(Date.UTC(2026, 0, 1, 9)),
    ]);
    expect(planNamesIn(backups[1].file)).toEqual(['Monday']);
    expect(planNamesIn(backups[0].file)).toEqual(['Monday', 'Monday, later']);
  });

  it(`keeps the newest ${BACKUPS_KEPT} over weeks of daily use, and other files in the folder`, async () => {
    const dataDir = tempDir();
    const backupsDir = join(dataDir, 'backups');
    const { clock, advance } = fakeClock();
    const open = () => openAppServices({ dataDir, dataPackPath: TINY_PACK_PATH, appVersion: 'test', clock });
    const opened: Date[] = [];

    const first = await open();
    valueOf(await first.invoke('plans:create', { plan: samplePlan({ name: 'Day 0' }) }));
    first.close();
    mkdirSync(backupsDir, { recursive: true });
    writeFileSync(join(backupsDir, 'my-own-copy.sqlite'), 'the user put this here');

    for (let day = 1; day <= 15; day += 1) {
      advance(DAY_MS + 5 * 60_000);
      opened.push(clock());
      const services = await open();
      valueOf(await services.invoke('plans:rename', { id: 1, name: `Day ${day}` }));
      // A second start on the same day takes no second backup.
      services.close();
      advance(2 * HOUR);
      (await open()).close();
    }

    const backups = listBackups(backupsDir);
    expect(backups.map((b) => b.takenAt)).toEqual(opened.slice(-BACKUPS_KEPT).reverse());
    // Each holds the plan as it was when that day's first start took it.
    expect(backups.map((b) => planNamesIn(b.file)[0])).toEqual(
      Array.from({ length: BACKUPS_KEPT }, (_, i) => `Day ${14 - i}`),
    );
    expect(readdirSync(backupsDir)).toContain('my-own-copy.sqlite');
    expect(readdirSync(backupsDir)).toHaveLength(BACKUPS_KEPT + 1);
  });

  it('takes one when the newest backup is stamped in the future (the clock was wrong)', async () => {
    const dir = tempDir();
    const backupsDir = join(dir, 'backups');
    const now = new Date(Date.UTC(2026, 5, 1));
    expect(isBackupDue(backupsDir, now)).toBe(true);
    const db = await openDatabase({ file: join(dir, 'planner.sqlite'), backupsDir });
    await backupDatabase(db, backupsDir, {
      schemaVersion: 1,
      takenAt: new Date(now.getTime() + 30 * DAY_MS),
    });
    db.close();
    expect(isBackupDue(backupsDir, now)).toBe(true);
    expect(isBackupDue(backupsDir, new Date(now.getTime() + 30 * DAY_MS + HOUR))).toBe(false);
  });

  it('before a migration: one backup of the old version, not a second daily one', async () => {
    const dir = tempDir();
    const file = join(dir, 'planner.sqlite');
    const backupsDir = join(dir, 'backups');
    const { clock, advance } = fakeClock();
    (await openDatabase({ file, backupsDir, now: clock, backupIntervalMs: DAY_MS })).close();
    advance(2 * DAY_MS);
    const next: Migration = {
      version: MIGRATIONS.length + 1,
      name: 'add-notes',
      sql: 'CREATE TABLE notes (id INTEGER PRIMARY KEY) STRICT;',
    };
    (
      await openDatabase({
        file,
        backupsDir,
        now: clock,
        backupIntervalMs: DAY_MS,
        migrations: [...MIGRATIONS, next],
      })
    ).close();
    expect(listBackups(backupsDir).map((b) => b.schemaVersion)).toEqual([MIGRATIONS.length]);
  });

  it('a backup that could not be taken does not keep the user from their plans', async () => {
    const dataDir = tempDir();
    const { clock, advance } = fakeClock();
    const open = () => openAppServices({ dataDir, dataPackPath: TINY_PACK_PATH, appVersion: 'test', clock });
    const first = await open();
    valueOf(await first.invoke('plans:create', { plan: samplePlan({ name: 'Kept' }) }));
    first.close();
    writeFileSync(join(dataDir, 'backups'), 'a file where the backups folder should be');
    advance(DAY_MS);
    const second = await open();
    expect(
      valueOf<Array<{ name: string }>>(await second.invoke('plans:list', {})).map((p) => p.name),
    ).toEqual(['Kept']);
    second.close();
    expect(console.warn).toHaveBeenCalledWith('[database] the daily backup failed:', expect.anything());
  });
});

describe('an interrupted backup', () => {
  it('is never taken for a backup, and the next backup clears it away', async () => {
    const dir = tempDir();
    const backupsDir = join(dir, 'backups');
    const db = await openDatabase({ file: join(dir, 'planner.sqlite'), backupsDir });
    mkdirSync(backupsDir);
    // What a kill in the middle of `db.backup` leaves: a partial copy and its journal.
    writeFileSync(join(backupsDir, 'planner-20260301T000000000Z-v1.sqlite.partial'), 'half');
    writeFileSync(join(backupsDir, 'planner-20260301T000000000Z-v1.sqlite.partial-journal'), 'half');
    expect(listBackups(backupsDir)).toEqual([]);
    expect(isBackupDue(backupsDir, new Date(Date.UTC(2026, 2, 1, 1)))).toBe(true);

    const file = await backupDatabase(db, backupsDir, {
      schemaVersion: 1,
      takenAt: new Date(Date.UTC(2026, 2, 2)),
    });
    db.close();
    expect(readdirSync(backupsDir)).toEqual(['planner-20260302T000000000Z-v1.sqlite']);
    expect(file).toBe(join(backupsDir, 'planner-20260302T000000000Z-v1.sqlite'));
  });
});
