/**
 * End of session, for shared lab computers: save every student's plans to a folder the
 * counselor chooses (a USB stick, a network share), then remove every class, student and plan
 * from this computer, and the database backups that still hold them.
 *
 * Two steps, so the confirmation can say exactly what will happen: `prepare` asks for the
 * folder and counts what would be removed (nothing is written or removed); `end`, after the
 * counselor confirmed, writes one plan file per student (`<folder>/<class>/<student>.pathway.json`,
 * and `My plans.pathway.json` for the computer's own plans), reads each back to check it,
 * and only if every file is complete and correct removes the data. If anything fails before the
 * removal, nothing is removed.
 *
 * Plan files are in the app's plan-file format (shared/plan/plan-file-text.ts), so each one
 * can be imported again on any computer, or read with the command line.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { PlanFileSchema, type Plan } from '../../../shared/plan/schema';
import { PLAN_FILE_EXTENSION, planFileText } from '../../../shared/plan/plan-file-text';
import { listBackups } from '../db/backup';
import type { ClassesRepository } from '../db/classes-repository';
import type { Clock } from '../db/clock';
import type { PlansRepository } from '../db/plans-repository';
import type { ProfilesRepository } from '../db/profiles-repository';
import type { StudentsRepository, WipeCounts } from '../db/students-repository';
import { writeFileAtomic } from '../files/atomic-write';
import type { ExportSettings } from '../files/export-settings';
import { FileError, saveFailed } from '../files/file-errors';
import { isPartialBackupName } from '../db/backup';
import { BACKUPS_FOLDER, DAMAGED_COPY } from '../db/data-files';
import { numberedName } from '../files/numbered-name';
import type { Platform } from '../files/platform';
import { chooseFolder, ensureFolder, localDay } from './batch-export-folder';
import { createNameAllocator } from '../files/file-names';
import { NotFoundError } from './errors';

export interface SessionCounts extends WipeCounts {
  /** Backup copies of the database, and damaged copies set aside at a repair. */
  backups: number;
}

export interface EndOfSessionDeps {
  classes: ClassesRepository;
  students: StudentsRepository;
  profiles: ProfilesRepository;
  plans: PlansRepository;
  dataDir: string;
  clock: Clock;
  settings: ExportSettings;
  platform?: Platform;
}

interface PlanFileToWrite {
  /** The class's folder ("Period 2"), or null for the chosen folder itself ("My plans"). */
  folder: string | null;
  /** The file's name before it is made safe and free: "Ana Ruiz (S-1042)". */
  stem: string;
  plans: Plan[];
}

export type EndOfSessionService = ReturnType<typeof createEndOfSessionService>;

export function createEndOfSessionService(deps: EndOfSessionDeps) {
  let pending: { token: string; folder: string } | null = null;
  const backupsDir = join(deps.dataDir, BACKUPS_FOLDER);

  /** Files holding old copies of the data: backups, unfinished backups, damaged copies. */
  const backupFiles = (): string[] => {
    const files = listBackups(backupsDir).map((entry) => entry.file);
    if (existsSync(backupsDir)) {
      for (const name of readdirSync(backupsDir))
        if (isPartialBackupName(name)) files.push(join(backupsDir, name));
    }
    for (const name of readdirSync(deps.dataDir))
      if (DAMAGED_COPY.test(name)) files.push(join(deps.dataDir, name));
    return files;
  };

  /**
   * Removes every backup it can, then names the ones it could not (a file open in another
   * program): they may still hold students' plans, so the counselor must hear which, and where.
   */
  const removeBackups = (files: readonly string[], savedTo: string): void => {
    const left: string[] = [];
    for (const file of files) {
      try {
        rmSync(file, { force: true });
      } catch (error) {
        console.error(`[session] could not remove ${file}:`, error);
        left.push(file);
      }
    }
    if (left.length === 0) return;
    const names = left.map((file) => `"${file}"`).join(', ');
    const [what, it, them] =
      left.length === 1 ? ['one backup file', 'It', 'it'] : [`${left.length} backup files`, 'They', 'them'];
    throw new FileError(
      `Every plan was saved to "${savedTo}" and removed from Pathway Planner, but ${what} could not be removed: ${names}. ` +
        `${it} may still hold students' plans: close any program that has ${them} open, then delete ${them} by hand.`,
    );
  };

  const counts = (): SessionCounts => ({
    ...deps.students.counts(),
    backups: backupFiles().filter((file) => !/-(wal|shm|journal)$/.test(file)).length,
  });

  /** Every profile's live plans, grouped into the files they will be written to. */
  const planFiles = (): PlanFileToWrite[] => {
    const files: PlanFileToWrite[] = [];
    // Two classes whose names differ only in characters a file name cannot hold get two folders.
    const folders = createNameAllocator();
    for (const group of deps.classes.list()) {
      const students = deps.students.listByClass(group.id);
      if (!students.some((s) => s.plans.length > 0)) continue;
      const folder = folders(group.name, '');
      for (const student of students) {
        if (student.plans.length === 0) continue;
        files.push({
          folder,
          stem: student.studentId ? `${student.name} (${student.studentId})` : student.name,
          plans: readPlans(
            student.plans.map((p) => p.id),
            student.name,
          ),
        });
      }
    }
    const own = deps.profiles.getDefault();
    const ownPlans = deps.plans.list(own.id);
    if (ownPlans.length > 0)
      files.push({ folder: null, stem: own.name, plans: readPlans(ownPlans.map((p) => p.id)) });
    return files;
  };

  /** The plans as stored (validated on read), named uniquely within their file, with the student's name. */
  const readPlans = (ids: number[], studentName?: string): Plan[] => {
    const names: string[] = [];
    return ids.map((id) => {
      const stored = deps.plans.get(id);
      if (!stored)
        throw new FileError(
          `Plan ${id} was deleted while the plans were being saved. Nothing was removed; try again.`,
          'conflict',
        );
      // A plan file may not hold two plans with one name (import refuses it); the database may.
      const name = numberedName(stored.plan.name, names);
      names.push(name);
      return { ...stored.plan, name, ...(studentName && !stored.plan.studentName ? { studentName } : {}) };
    });
  };

  return {
    /** Step 1: the folder, and what would be removed. Writes and removes nothing. */
    async prepare() {
      const day = localDay(deps.clock());
      const folder = await chooseFolder(deps.platform, {
        title: 'Save the class plans in a folder, then clear this computer',
        suggestedName: `Pathway plans ${day}`,
        startIn: deps.settings.lastFolder('plans'),
      });
      if (!folder) return { status: 'cancelled' as const };
      const token = randomUUID();
      pending = { token, folder };
      return { status: 'chosen' as const, token, folder, dataDir: deps.dataDir, counts: counts() };
    },

    /** Step 2: save, check, then remove. */
    end(input: { token: string }) {
      const held = pending;
      // Used once, and dropped on a wrong token too: a confirmation is always a fresh one.
      pending = null;
      if (!held || held.token !== input.token) {
        throw new NotFoundError(
          'That end of session is no longer waiting (it was finished or cancelled). Start it again.',
        );
      }

      // Everything is read (and validated) before anything is written.
      const files = planFiles();
      const written: Array<{ fileName: string; plans: number; path: string; text: string }> = [];
      const allocators = new Map<string, (stem: string, extension: string) => string>();
      const nothingRemoved = (error: unknown, what: string) =>
        new FileError(
          `${error instanceof FileError ? error.message : saveFailed(what, error).message} Nothing was removed from this computer.`,
          'internal',
          { cause: error },
        );
      for (const file of files) {
        const relativeFolder = file.folder ?? '';
        let folder: string;
        try {
          folder = ensureFolder(join(held.folder, relativeFolder));
        } catch (error) {
          throw nothingRemoved(error, relativeFolder || held.folder);
        }
        // Never over a file from an earlier session in the same folder: "Ana Ruiz (2)…".
        let allocate = allocators.get(folder);
        if (!allocate) {
          allocate = createNameAllocator(readdirSync(folder));
          allocators.set(folder, allocate);
        }
        const name = allocate(file.stem, PLAN_FILE_EXTENSION);
        const fileName = file.folder ? `${file.folder}/${name}` : name;
        const path = join(folder, name);
        const text = planFileText(file.plans);
        try {
          writeFileAtomic(path, text);
        } catch (error) {
          throw nothingRemoved(error, fileName);
        }
        written.push({ fileName, plans: file.plans.length, path, text });
      }
      // Read every file back: only a copy known to be whole justifies removing the original.
      for (const file of written) {
        let ok = false;
        try {
          const text = readFileSync(file.path, 'utf8');
          const back = PlanFileSchema.safeParse(JSON.parse(text));
          ok = text === file.text && back.success && back.data.plans.length === file.plans;
        } catch {
          // Unreadable or not JSON: `ok` stays false.
        }
        if (!ok) {
          throw new FileError(
            `"${file.fileName}" did not read back the same as it was written (is the drive full or failing?). ` +
              'Nothing was removed from this computer.',
          );
        }
      }
      deps.settings.remember('plans', held.folder);

      const removedBackups = backupFiles();
      const removed: SessionCounts = {
        ...deps.students.removeEverything(),
        backups: removedBackups.filter((file) => !/-(wal|shm|journal)$/.test(file)).length,
      };
      // The kept print page still holds the last report it printed, maybe a student's: forget it
      // before removing the backups, so a backup that can't be removed (a locked file) can't skip it.
      deps.platform?.forgetReports?.();
      removeBackups(removedBackups, held.folder);
      return {
        folder: held.folder,
        files: written.map(({ fileName, plans }) => ({ fileName, plans })),
        removed,
      };
    },

    counts,
  };
}
