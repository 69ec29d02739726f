import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupDatabase, backupFileName, backupsToDelete } from '../../electron/main/db/backup';
import { openTestDatabase } from './helpers/database';
import { useTempDirs } from './helpers/temp-dir';

const tempDir = useTempDirs();

describe('backup names and rotation', () => {
  it('names a backup by time and schema version, so names sort by time', () => {
    expect(backupFileName(new Date('2026-01-02T03:04:05.006Z'), 3)).toBe(
      'planner-20260102T030405006Z-v3.sqlite',
    );
    expect(backupFileName(new Date('2026-01-02T03:04:05.006Z'), 3, 2)).toBe(
      'planner-20260102T030405006Z-v3-2.sqlite',
    );
  });

  it('deletes only our oldest backups beyond the newest N, never other files', () => {
    const names = [
      'planner-20260103T000000000Z-v1.sqlite',
      'notes.txt',
      'planner-20260101T000000000Z-v1.sqlite',
      'planner-20260102T000000000Z-v1-2.sqlite',
      'planner-20260102T000000000Z-v1.sqlite',
      'planner.sqlite',
    ];
    expect(backupsToDelete(names, 2)).toEqual([
      'planner-20260101T000000000Z-v1.sqlite',
      'planner-20260102T000000000Z-v1.sqlite',
    ]);
    expect(backupsToDelete(names, 10)).toEqual([]);
  });

  it('keeps the newest N files on disk and leaves foreign files alone', async () => {
    const dir = tempDir();
    const backupsDir = join(dir, 'backups');
    const { db } = await openTestDatabase(dir);
    for (let day = 1; day <= 4; day += 1) {
      await backupDatabase(db, backupsDir, {
        schemaVersion: 1,
        takenAt: new Date(Date.UTC(2026, 0, day)),
        keep: 2,
      });
    }
    writeFileSync(join(backupsDir, 'keep-me.txt'), 'mine');
    await backupDatabase(db, backupsDir, {
      schemaVersion: 1,
      takenAt: new Date(Date.UTC(2026, 0, 5)),
      keep: 2,
    });
    // Same millisecond twice: a second name, not an overwrite.
    await backupDatabase(db, backupsDir, {
      schemaVersion: 1,
      takenAt: new Date(Date.UTC(2026, 0, 5)),
      keep: 3,
    });
    db.close();
    expect(readdirSync(backupsDir).sort()).toEqual([
      'keep-me.txt',
      'planner-20260104T000000000Z-v1.sqlite',
      'planner-20260105T000000000Z-v1-2.sqlite',
      'planner-20260105T000000000Z-v1.sqlite',
    ]);
  });
});
