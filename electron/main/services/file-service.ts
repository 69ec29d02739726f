/**
 * Reports and files: the print page's data, PDF and CSV exports, plan files out and in.
 * Everything that touches the desktop (dialogs, printing) goes through the injected Platform;
 * everything written goes through writeFileAtomic; every folder chosen is remembered per kind.
 *
 * Import is all or nothing: the whole file is checked (size, text encoding, JSON, format and
 * version, schema, ids, duplicate names) before anything is written, and its plans are inserted
 * in one transaction. A plan whose name is taken is never overwritten: without a decision the
 * call answers `needs-decision` with the names it would use, and keeps the checked file in
 * memory under a token until the renderer says `rename` or `cancel`.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import type { DataPack } from '../../../shared/datapack/schema';
import { ComparisonError, comparePlans, projectPlan } from '../../../shared/engine/index';
import type { ChannelInput, ChannelOutput, ImportResultSchema, SavedFileSchema } from '../../../shared/ipc/contract';
import {
  MAX_PLAN_FILE_BYTES,
  PLAN_FILE_EXTENSION,
  planFileText,
  readPlanFileText,
  type FileProblem,
} from '../../../shared/plan/plan-file-text';
import type { Plan } from '../../../shared/plan/schema';
import type { Clock } from '../db/clock';
import type { Db } from '../db/connection';
import { toSummary } from '../db/plans-repository';
import { projectionCsv } from '../export/projection-csv';
import { reportPdfOptions } from '../export/pdf-options';
import { isPdf, reportRoute } from '../export/report-route';
import { writeFileAtomic } from '../files/atomic-write';
import { FileError, openFailed, saveFailed } from '../files/file-errors';
import { safeFileName, withExtension } from '../files/file-names';
import type { ExportSettings, FileKind } from '../files/export-settings';
import { numberedName } from '../files/numbered-name';
import type { FileFilter, Platform } from '../files/platform';
import { localDay } from './batch-export-folder';
import type { PlansService } from './plans-service';

type SavedFile = z.infer<typeof SavedFileSchema>;
type ImportResult = z.infer<typeof ImportResultSchema>;

export interface FileServiceDeps {
  db: Db;
  plans: PlansService;
  dataPack: DataPack;
  settings: ExportSettings;
  clock: Clock;
  /** Absent where there is no desktop (unit tests of other channels): file channels then fail plainly. */
  platform?: Platform;
}

interface PendingImport {
  token: string;
  profileId: number | undefined;
  fileName: string;
  plans: Plan[];
}

const PDF_FILTER: FileFilter = { name: 'PDF document', extensions: ['pdf'] };
const CSV_FILTER: FileFilter = { name: 'CSV spreadsheet', extensions: ['csv'] };
const PLAN_FILTER: FileFilter = { name: 'Pathway Planner plan file', extensions: ['json'] };

export type FileService = ReturnType<typeof createFileService>;

export function createFileService(deps: FileServiceDeps) {
  const { db, plans, dataPack, settings, clock } = deps;
  let pending: PendingImport | null = null;

  const platform = (): Platform => {
    if (!deps.platform) throw new FileError('Saving and opening files is not available in this window.');
    return deps.platform;
  };

  /** Asks where to save (starting in the last folder of this kind); null if cancelled. */
  const askSavePath = async (
    kind: FileKind,
    request: { title: string; fileName: string; filter: FileFilter; extension: string; accepted?: string[] },
  ): Promise<string | null> => {
    const folder = settings.lastFolder(kind) ?? deps.platform?.defaultFolder;
    const chosen = await platform().dialogs.showSave({
      title: request.title,
      defaultPath: folder ? join(folder, request.fileName) : request.fileName,
      filters: [request.filter],
      buttonLabel: 'Save',
    });
    return chosen ? withExtension(chosen, request.extension, request.accepted) : null;
  };

  const save = (kind: FileKind, path: string, data: string | Uint8Array): SavedFile => {
    try {
      writeFileAtomic(path, data);
    } catch (error) {
      console.error(`[files] saving ${path} failed:`, error);
      throw saveFailed(basename(path), error);
    }
    settings.remember(kind, dirname(path));
    return { status: 'saved', path, fileName: basename(path) };
  };


  const projectOrExplain = (plan: Plan) => {
    try {
      return projectPlan(plan, dataPack);
    } catch (error) {
      throw new FileError(
        `"${plan.name}" can't be worked out with the current data (${error instanceof Error ? error.message : String(error)}), so there is nothing to export.`,
        'invalid_input',
        { cause: error },
      );
    }
  };

  return {
    report(input: ChannelInput<'report:get'>): ChannelOutput<'report:get'> {
      return {
        plan: plans.get({ id: input.planId }),
        compareWith: input.compareWithId === undefined ? null : plans.get({ id: input.compareWithId }),
      };
    },

    async exportPdf(input: {
      planId: number;
      paper: 'letter' | 'a4';
      studentName?: string;
      compareWithId?: number;
    }): Promise<SavedFile> {
      const { plan } = plans.get({ id: input.planId });
      const projection = projectOrExplain(plan);
      if (input.compareWithId !== undefined) {
        if (input.compareWithId === input.planId) {
          throw new FileError('Choose a different plan to compare with (a plan compared with itself says nothing).', 'invalid_input');
        }
        const other = projectOrExplain(plans.get({ id: input.compareWithId }).plan);
        try {
          comparePlans(other, projection);
        } catch (error) {
          if (error instanceof ComparisonError) throw new FileError(`These plans can't be compared: ${error.message}.`, 'invalid_input');
          throw error;
        }
      }
      const studentName = input.studentName?.trim() || undefined;
      const route = reportRoute({
        planId: input.planId,
        paper: input.paper,
        date: localDay(clock()),
        studentName,
        compareWithId: input.compareWithId,
      });
      // A new print page takes a few hundred milliseconds to load: spent while the dialog is open.
      platform().preparePdf?.(route);
      const path = await askSavePath('pdf', {
        title: 'Save the plan report as a PDF',
        fileName: safeFileName(studentName ? `${studentName} - ${plan.name}` : plan.name, '.pdf'),
        filter: PDF_FILTER,
        extension: '.pdf',
      });
      if (!path) return { status: 'cancelled' };

      const pdf = await platform().renderPdf(route, reportPdfOptions(input.paper, { planName: plan.name, studentName }));
      if (!isPdf(pdf)) {
        throw new FileError('The report could not be printed (the printer gave back something that is not a PDF). Try again.');
      }
      return save('pdf', path, pdf);
    },

    async exportCsv(input: { planId: number }): Promise<SavedFile> {
      const { plan } = plans.get({ id: input.planId });
      const csv = projectionCsv(projectOrExplain(plan), dataPack);
      const path = await askSavePath('csv', {
        title: 'Save the year-by-year table as CSV',
        fileName: safeFileName(`${plan.name} - year by year`, '.csv'),
        filter: CSV_FILTER,
        extension: '.csv',
      });
      return path ? save('csv', path, csv) : { status: 'cancelled' };
    },

    async exportPlans(input: { planIds: number[] }): Promise<SavedFile> {
      const ids = [...new Set(input.planIds)];
      const chosen = ids.map((id) => plans.get({ id }).plan);
      // The database allows two plans with one name; a plan file does not (import would refuse it).
      const names: string[] = [];
      const unique = chosen.map((plan) => {
        const name = numberedName(plan.name, names);
        names.push(name);
        return name === plan.name ? plan : { ...plan, name };
      });
      const text = planFileText(unique);
      const stem = unique.length === 1 ? unique[0]!.name : `${unique.length} plans`;
      const path = await askSavePath('plans', {
        title: unique.length === 1 ? 'Save the plan to a file' : `Save ${unique.length} plans to a file`,
        fileName: safeFileName(stem, PLAN_FILE_EXTENSION),
        filter: PLAN_FILTER,
        extension: PLAN_FILE_EXTENSION,
        accepted: ['.json'],
      });
      return path ? save('plans', path, text) : { status: 'cancelled' };
    },

    async importPlans(input: ChannelInput<'import:plans'>): Promise<ImportResult> {
      if (input.token !== undefined) {
        const held = pending;
        if (!held || held.token !== input.token) {
          throw new FileError('That import is no longer waiting (it was finished or cancelled). Choose the file again.', 'not_found');
        }
        pending = null;
        if (input.onConflict !== 'rename') return { status: 'cancelled' };
        return insertAll(held.plans, held.profileId, held.fileName);
      }

      const folder = settings.lastFolder('import') ?? deps.platform?.defaultFolder;
      const path = await platform().dialogs.showOpen({
        title: 'Import plans from a plan file',
        ...(folder ? { defaultPath: folder } : {}),
        filters: [PLAN_FILTER, { name: 'All files', extensions: ['*'] }],
        buttonLabel: 'Import',
      });
      if (!path) return { status: 'cancelled' };
      settings.remember('import', dirname(path));
      const fileName = basename(path);

      const read = readPlanFile(path);
      if (!read.ok) return { status: 'invalid', fileName, problems: read.problems };
      const checked = readPlanFileText(read.text, dataPack);
      if (!checked.ok) return { status: 'invalid', fileName, problems: checked.problems };

      const { conflicts } = placeNames(checked.value.plans, input.profileId);
      if (conflicts.length > 0 && input.onConflict !== 'rename') {
        if (input.onConflict === 'cancel') return { status: 'cancelled' };
        const token = randomUUID();
        pending = { token, profileId: input.profileId, fileName, plans: checked.value.plans };
        return { status: 'needs-decision', token, fileName, conflicts };
      }
      return insertAll(checked.value.plans, input.profileId, fileName);
    },
  };

  /** The name each plan gets: its own, or "Name (2)" if a live plan (or an earlier one in the file) has it. */
  function placeNames(fileplans: readonly Plan[], profileId: number | undefined) {
    const taken = plans.list({ profileId }).map((p) => p.name);
    const fileNames = new Set(fileplans.map((p) => p.name.toLocaleLowerCase()));
    const conflicts: Array<{ name: string; renameTo: string }> = [];
    const names = fileplans.map((plan) => {
      const clash = taken.some((name) => name.toLocaleLowerCase() === plan.name.toLocaleLowerCase());
      if (!clash) return plan.name;
      // Avoid the names of live plans, of the file's other plans and of renames given so far.
      const renameTo = numberedName(plan.name, [...taken, ...fileNames]);
      taken.push(renameTo);
      conflicts.push({ name: plan.name, renameTo });
      return renameTo;
    });
    return { names, conflicts };
  }

  function insertAll(fileplans: readonly Plan[], profileId: number | undefined, fileName: string): ImportResult {
    return db.transaction((): ImportResult => {
      // Names are placed again inside the transaction: plans may have changed since the question.
      const { names, conflicts } = placeNames(fileplans, profileId);
      const stored = fileplans.map((plan, i) =>
        plans.create({ profileId, plan: names[i] === plan.name ? plan : { ...plan, name: names[i]! } }),
      );
      return {
        status: 'imported',
        fileName,
        plans: stored.map(toSummary),
        renamed: conflicts.map((c) => ({ from: c.name, to: c.renameTo })),
      };
    })();
  }
}

/** The file's text, or the one problem that stops it being read as a plan file. */
function readPlanFile(path: string): { ok: true; text: string } | { ok: false; problems: FileProblem[] } {
  const fileName = basename(path);
  let bytes: Buffer;
  try {
    const size = statSync(path).size;
    if (size > MAX_PLAN_FILE_BYTES) {
      const mb = (size / (1024 * 1024)).toFixed(1);
      return {
        ok: false,
        problems: [{ path: '$', message: `the file is ${mb} MB; a plan file can be at most ${MAX_PLAN_FILE_BYTES / (1024 * 1024)} MB, so this is not one (or it is damaged)` }],
      };
    }
    bytes = readFileSync(path);
  } catch (error) {
    throw openFailed(fileName, error);
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return {
      ok: false,
      problems: [{ path: '$', message: 'the file is saved as UTF-16 ("Unicode"); plan files are UTF-8. Save it again as UTF-8' }],
    };
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return {
      ok: false,
      problems: [{ path: '$', message: 'the file is not UTF-8 text, so it is not a plan file (is it a PDF, a picture or a spreadsheet?)' }],
    };
  }
}
