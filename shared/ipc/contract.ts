/**
 * The one IPC contract between the renderer and the main process: channel → input and output
 * schemas. The preload exposes `window.planner.invoke(channel, input)` typed from this map; the
 * main process parses every input with these schemas before anything runs.
 */
import { z } from 'zod';
import { DataPackSchema } from '../datapack/schema';
import { PlanNameSchema, PlanSchema, ReportStudentNameSchema } from '../plan/schema';
import type { MenuAction } from './menu-actions';
import { counselorContract } from './counselor-contract';

const planId = z.number().int().positive();

export const PlanSummarySchema = z.strictObject({
  id: planId,
  name: z.string(),
  profileId: z.number().int().positive(),
  startRole: z.string(),
  startYear: z.number().int(),
  years: z.number().int(),
  updatedAt: z.string(),
  /** Set when the stored plan can't be read (see plans-repository): why, in words. */
  unreadable: z.string().optional(),
});

export const StoredPlanSchema = z.strictObject({
  id: planId,
  profileId: z.number().int().positive(),
  /** Increases by one on every save; a save naming an older revision is refused. */
  revision: z.number().int().nonnegative(),
  createdAt: z.string(),
  updatedAt: z.string(),
  plan: PlanSchema,
});

export const ProfileSchema = z.strictObject({
  id: z.number().int().positive(),
  name: z.string(),
  isDefault: z.boolean(),
});

const noInput = z.strictObject({});

// Reports and files (export:*, import:*): see electron/main/services/file-service.ts.
export const PaperSchema = z.enum(['letter', 'a4']);
/** A problem in an imported file: its JSON path, and for a syntax error the line and column. */
export const FileProblemSchema = z.strictObject({
  path: z.string(),
  message: z.string(),
  line: z.number().int().positive().optional(),
  column: z.number().int().positive().optional(),
});
/** What a save dialog led to: the file written, or nothing because the user cancelled. */
export const SavedFileSchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('saved'), path: z.string(), fileName: z.string() }),
  z.strictObject({ status: z.literal('cancelled') }),
]);
export const ImportResultSchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('cancelled') }),
  /** Nothing was imported: the file has these problems (all or nothing). */
  z.strictObject({ status: z.literal('invalid'), fileName: z.string(), problems: z.array(FileProblemSchema) }),
  /**
   * Nothing imported yet: these plans' names are taken. Call again with the token and
   * `onConflict: 'rename'` (import them as `renameTo`) or `'cancel'`.
   */
  z.strictObject({
    status: z.literal('needs-decision'),
    token: z.string(),
    fileName: z.string(),
    conflicts: z.array(z.strictObject({ name: z.string(), renameTo: z.string() })),
  }),
  z.strictObject({
    status: z.literal('imported'),
    fileName: z.string(),
    plans: z.array(PlanSummarySchema),
    renamed: z.array(z.strictObject({ from: z.string(), to: z.string() })),
  }),
]);

export const ipcContract = {
  'app:info': {
    input: noInput,
    output: z.strictObject({
      version: z.string(),
      dataDir: z.string(),
      databaseFile: z.string(),
      /** Set when the plans file had to be repaired at start: a plain message to show the user. */
      startupNotice: z.string().optional(),
    }),
  },
  'datapack:get': { input: noInput, output: DataPackSchema },
  'profiles:list': { input: noInput, output: z.array(ProfileSchema) },
  'plans:list': {
    input: z.strictObject({ profileId: z.number().int().positive().optional() }),
    output: z.array(PlanSummarySchema),
  },
  'plans:get': { input: z.strictObject({ id: planId }), output: StoredPlanSchema },
  'plans:create': {
    input: z.strictObject({ profileId: z.number().int().positive().optional(), plan: PlanSchema }),
    output: StoredPlanSchema,
  },
  'plans:save': {
    input: z.strictObject({ id: planId, revision: z.number().int().nonnegative(), plan: PlanSchema }),
    output: StoredPlanSchema,
  },
  'plans:rename': { input: z.strictObject({ id: planId, name: PlanNameSchema }), output: StoredPlanSchema },
  'plans:duplicate': { input: z.strictObject({ id: planId }), output: StoredPlanSchema },
  /** Moves a plan to the bin; `plans:restore` undoes it. */
  'plans:delete': { input: z.strictObject({ id: planId }), output: z.strictObject({ id: planId }) },
  'plans:restore': { input: z.strictObject({ id: planId }), output: StoredPlanSchema },
  /**
   * What the print page needs for one report: the stored plan and the one it is compared with.
   * The data pack, the same for every report, it fetches once with `datapack:get`.
   */
  'report:get': {
    input: z.strictObject({ planId, compareWithId: planId.optional() }),
    output: z.strictObject({
      plan: StoredPlanSchema,
      compareWith: StoredPlanSchema.nullable(),
    }),
  },
  /** Asks where to save, then prints the plan's report (print.html) to a PDF there. */
  'export:pdf': {
    input: z.strictObject({
      planId,
      paper: PaperSchema,
      studentName: ReportStudentNameSchema.optional(),
      compareWithId: planId.optional(),
    }),
    output: SavedFileSchema,
  },
  /** The year-by-year table as CSV. */
  'export:csv': { input: z.strictObject({ planId }), output: SavedFileSchema },
  /** One or more plans as a `.pathway.json` plan file. */
  'export:plans': {
    input: z.strictObject({ planIds: z.array(planId).min(1, 'must name at least one plan').max(500) }),
    output: SavedFileSchema,
  },
  /** Asks for a plan file and imports all of its plans, or none (see ImportResultSchema). */
  'import:plans': {
    input: z.strictObject({
      profileId: z.number().int().positive().optional(),
      token: z.string().max(100).optional(),
      onConflict: z.enum(['rename', 'cancel']).optional(),
    }),
    output: ImportResultSchema,
  },
  /** Counselor and computer-lab mode: classes, students, roster, batch export, end of session. */
  ...counselorContract,
} as const;

export type IpcContract = typeof ipcContract;
export type Channel = keyof IpcContract;
export type ChannelInput<C extends Channel> = z.input<IpcContract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<IpcContract[C]['output']>;

export type IpcErrorCode = 'invalid_input' | 'not_found' | 'conflict' | 'forbidden' | 'internal';
export interface IpcError {
  code: IpcErrorCode;
  message: string;
  /** For invalid_input: the JSON path of the failing field. */
  path?: string;
}
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/**
 * What the preload exposes as `window.planner`: request/response calls, plus one listener for
 * the application menu's commands (which start in main, so they can't be a reply).
 */
export interface PlannerApi {
  invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<IpcResult<ChannelOutput<C>>>;
  /** Returns a function that removes the listener. */
  onMenu(listener: (action: MenuAction) => void): () => void;
}

export const channels = Object.keys(ipcContract) as Channel[];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ipcContract, value);
}
