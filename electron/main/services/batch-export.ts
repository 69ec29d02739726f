/**
 * Batch export: a PDF report for every plan of a class, for the counselor's files.
 *
 * Each plan is printed exactly as a single export prints it (the export feature's print page,
 * through `platform.renderPdf`, with the student's name on it), then written:
 * - `per-student`: one PDF per student with all their plans, in a folder the counselor names;
 * - `combined`: one PDF for the whole class, with a bookmark per plan.
 *
 * The job runs in the background; the renderer polls `status` (a progress bar) and may
 * `cancel` (the job stops after the plan being printed; files already written stay). A plan
 * that cannot be printed is reported by name with the reason, and the others are still
 * written. Nothing is ever overwritten: a name that is taken in the folder gets " (2)".
 */
import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { z } from 'zod';
import type { DataPack } from '../../../shared/datapack/schema';
import { projectPlan } from '../../../shared/engine/index';
import type { BatchStatusSchema } from '../../../shared/ipc/counselor-contract';
import type { ClassesRepository } from '../db/classes-repository';
import type { Clock } from '../db/clock';
import type { PlansRepository } from '../db/plans-repository';
import type { Student, StudentsRepository } from '../db/students-repository';
import { reportPdfOptions } from '../export/pdf-options';
import { isPdf, reportRoute } from '../export/report-route';
import { writeFileAtomic } from '../files/atomic-write';
import { FileError, saveFailed } from '../files/file-errors';
import type { ExportSettings } from '../files/export-settings';
import type { Paper, Platform } from '../files/platform';
import { chooseFolder, localDay } from './batch-export-folder';
import { createNameAllocator, safeFileName } from '../files/file-names';
import { combinePdfs, PdfCombineError, type PdfPart } from './batch-export-pdf';
import { ConflictError, NotFoundError } from './errors';

export type BatchStatus = z.infer<typeof BatchStatusSchema>;
export type BatchLayout = BatchStatus['layout'];

export interface BatchExportDeps {
  classes: ClassesRepository;
  students: StudentsRepository;
  plans: PlansRepository;
  dataPack: DataPack;
  clock: Clock;
  settings: ExportSettings;
  platform?: Platform;
}

interface Job {
  status: BatchStatus;
  cancelRequested: boolean;
  /** Settles when the job has finished, however it finished (tests and the bench await it). */
  finished: Promise<void>;
}

/** Finished jobs kept for polling; older ones are forgotten. */
const JOBS_KEPT = 8;

/** "Ana Ruiz", or "Ana Ruiz (S-1042)" when another student in the class has the same name. */
function studentLabel(student: Student, all: readonly Student[]): string {
  const namesakes = all.filter((s) => s.name.toLowerCase() === student.name.toLowerCase()).length;
  return namesakes > 1 && student.studentId ? `${student.name} (${student.studentId})` : student.name;
}

export type BatchExportService = ReturnType<typeof createBatchExportService>;

export function createBatchExportService(deps: BatchExportDeps) {
  const jobs = new Map<string, Job>();

  const snapshot = (job: Job): BatchStatus => structuredClone(job.status);

  const jobOrThrow = (jobId: string): Job => {
    const job = jobs.get(jobId);
    if (!job) throw new NotFoundError('That export is no longer known (the app was restarted since). Start it again.');
    return job;
  };

  const forgetOld = () => {
    const finished = [...jobs.entries()].filter(([, job]) => job.status.state !== 'running');
    for (const [id] of finished.slice(0, Math.max(0, finished.length - JOBS_KEPT))) jobs.delete(id);
  };

  /** Prints one plan; throws a sentence for the summary if it cannot. */
  const printPlan = async (planId: number, paper: Paper, date: string, student: string): Promise<PdfPart> => {
    const stored = deps.plans.get(planId);
    if (!stored) throw new Error('it was deleted while the export ran');
    try {
      projectPlan(stored.plan, deps.dataPack);
    } catch (error) {
      throw new Error(`it can't be worked out with the current data (${error instanceof Error ? error.message : String(error)})`, {
        cause: error,
      });
    }
    const pdf = await deps.platform!.renderPdf(
      reportRoute({ planId, paper, date, studentName: student }),
      reportPdfOptions(paper, { planName: stored.plan.name, studentName: student }),
    );
    if (!isPdf(pdf)) throw new Error('the printer gave back something that is not a PDF');
    return { pdf, title: `${student} — ${stored.plan.name}` };
  };

  const write = (job: Job, folder: string, fileName: string, bytes: Uint8Array, students: string[], plans: number) => {
    const file = join(folder, fileName);
    try {
      writeFileAtomic(file, bytes);
    } catch (error) {
      throw saveFailed(fileName, error);
    }
    job.status.written.push({ file, fileName, students, plans });
  };

  /** Writes parts as one PDF; if they cannot be combined, as one file each (and says so). */
  const writeCombined = (
    job: Job,
    folder: string,
    allocate: (stem: string, extension: string) => string,
    stem: string,
    parts: PdfPart[],
    students: string[],
  ) => {
    if (parts.length === 1) {
      write(job, folder, allocate(stem, '.pdf'), parts[0]!.pdf, students, 1);
      return;
    }
    let combined: Uint8Array;
    try {
      combined = combinePdfs(parts, { title: stem, createdAt: deps.clock() });
    } catch (error) {
      if (!(error instanceof PdfCombineError)) throw error;
      console.warn(`[batch-export] writing "${stem}" as separate files:`, error.message);
      for (const part of parts) write(job, folder, allocate(part.title.replace(' — ', ' - '), '.pdf'), part.pdf, students, 1);
      return;
    }
    write(job, folder, allocate(stem, '.pdf'), combined, students, parts.length);
  };

  async function run(job: Job, students: Student[], paper: Paper, className: string): Promise<void> {
    const { status } = job;
    const date = localDay(deps.clock());
    const folder = status.folder;
    let taken: string[] = [];
    try {
      taken = readdirSync(folder);
    } catch {
      // Checked again when writing; the error there says what to do.
    }
    const allocate = createNameAllocator(taken);
    const combinedParts: PdfPart[] = [];
    const combinedStudents: string[] = [];
    try {
      for (const student of students) {
        if (job.cancelRequested) break;
        const label = studentLabel(student, students);
        status.current = label;
        const parts: PdfPart[] = [];
        for (const plan of student.plans) {
          if (job.cancelRequested) break;
          try {
            parts.push(await printPlan(plan.id, paper, date, student.name));
          } catch (error) {
            status.failed.push({
              student: label,
              plan: plan.name,
              message: error instanceof Error ? error.message : String(error),
            });
          }
          status.done += 1;
        }
        if (parts.length === 0) continue;
        if (status.layout === 'per-student') {
          try {
            writeCombined(job, folder, allocate, label, parts, [label]);
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            for (const part of parts) status.failed.push({ student: label, plan: part.title.split(' — ').slice(1).join(' — '), message });
          }
        } else {
          combinedParts.push(...parts);
          combinedStudents.push(label);
        }
      }
      if (status.layout === 'combined' && !job.cancelRequested && combinedParts.length > 0) {
        status.current = null;
        writeCombined(job, dirname(folder), () => basename(folder), className, combinedParts, combinedStudents);
      }
      status.state = job.cancelRequested ? 'cancelled' : 'done';
    } catch (error) {
      console.error('[batch-export] the export stopped:', error);
      status.state = 'failed';
      status.error = error instanceof Error ? error.message : String(error);
    } finally {
      status.current = null;
      status.finishedAt = deps.clock().toISOString();
      forgetOld();
    }
  }

  return {
    /**
     * Asks where to save (a folder, or a file for `combined`), then starts printing. Resolves
     * as soon as the job has started; poll `status`.
     */
    async start(input: { classId: number; layout: BatchLayout; paper?: Paper }) {
      const target = deps.classes.get(input.classId);
      if (!target) throw new NotFoundError(`Class ${input.classId} was not found.`);
      if ([...jobs.values()].some((job) => job.status.state === 'running')) {
        throw new ConflictError('An export is already running. Wait for it to finish, or cancel it, first.');
      }
      const students = deps.students.listByClass(target.id);
      const total = students.reduce((n, s) => n + s.plans.length, 0);
      if (total === 0) {
        throw new FileError(`Nobody in ${target.name} has a plan yet, so there is nothing to print.`, 'invalid_input');
      }
      if (!deps.platform) throw new FileError('Printing to PDF is not available in this window.');
      const paper = input.paper ?? 'letter';
      const day = localDay(deps.clock());
      const startIn = deps.settings.lastFolder('pdf') ?? deps.platform.defaultFolder;

      let folder: string | null;
      if (input.layout === 'per-student') {
        folder = await chooseFolder(deps.platform, {
          title: `Save ${target.name}'s PDFs in a folder`,
          suggestedName: safeFileName(`${target.name} PDFs ${day}`, ''),
          startIn,
        });
        if (folder) deps.settings.remember('pdf', dirname(folder));
      } else {
        const file = await deps.platform.dialogs.showSave({
          title: `Save all of ${target.name}'s plans as one PDF`,
          defaultPath: join(startIn ?? '', safeFileName(`${target.name} - all plans ${day}`, '.pdf')),
          filters: [{ name: 'PDF document', extensions: ['pdf'] }],
          buttonLabel: 'Save',
        });
        folder = file && (file.toLowerCase().endsWith('.pdf') ? file : `${file}.pdf`);
        if (folder) deps.settings.remember('pdf', dirname(folder));
      }
      if (!folder) return { status: 'cancelled' as const };

      const jobId = randomUUID();
      const job: Job = {
        cancelRequested: false,
        finished: Promise.resolve(),
        status: {
          jobId,
          state: 'running',
          layout: input.layout,
          // For `combined` this is the file; the summary shows its folder and name.
          folder,
          done: 0,
          total,
          current: null,
          written: [],
          failed: [],
          skipped: students.filter((s) => s.plans.length === 0).map((s) => studentLabel(s, students)),
          error: null,
          startedAt: deps.clock().toISOString(),
          finishedAt: null,
        },
      };
      jobs.set(jobId, job);
      job.finished = run(job, students, paper, target.name);
      return { status: 'chosen' as const, jobId, folder, total };
    },

    status(input: { jobId: string }): BatchStatus {
      return snapshot(jobOrThrow(input.jobId));
    },

    cancel(input: { jobId: string }): BatchStatus {
      const job = jobOrThrow(input.jobId);
      if (job.status.state === 'running') job.cancelRequested = true;
      return snapshot(job);
    },

    /** Resolves when the job has finished (tests, the bench). */
    async settled(jobId: string): Promise<BatchStatus> {
      const job = jobOrThrow(jobId);
      await job.finished;
      return snapshot(job);
    },
  };
}
