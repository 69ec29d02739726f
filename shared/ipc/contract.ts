/**
 * The one IPC contract between the renderer and the main process: channel → input and output
 * schemas. The preload exposes `window.planner.invoke(channel, input)` typed from this map; the
 * main process parses every input with these schemas before anything runs.
 */
import { z } from 'zod';
import { DataPackSchema } from '../datapack/schema';
import { PlanNameSchema, PlanSchema } from '../plan/schema';
import type { MenuAction } from './menu-actions';

const planId = z.number().int().positive();

export const PlanSummarySchema = z.strictObject({
  id: planId,
  name: z.string(),
  profileId: z.number().int().positive(),
  startRole: z.string(),
  startYear: z.number().int(),
  years: z.number().int(),
  updatedAt: z.string(),
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

export const ipcContract = {
  'app:info': {
    input: noInput,
    output: z.strictObject({ version: z.string(), dataDir: z.string(), databaseFile: z.string() }),
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
