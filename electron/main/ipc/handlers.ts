/**
 * Every IPC channel's implementation, independent of Electron: `invoke(channel, payload)`
 * checks the channel, parses the payload with the contract's input schema, runs the use case
 * and always resolves to an IpcResult — it never throws. The Electron shell (register.ts) and
 * the e2e bridge both call exactly this.
 */
import type { z } from 'zod';
import {
  ipcContract,
  isChannel,
  type Channel,
  type ChannelOutput,
  type IpcContract,
  type IpcResult,
} from '../../../shared/ipc/contract';
import type { DataPack } from '../../../shared/datapack/schema';
import { systemClock, type Clock } from '../db/clock';
import type { Db } from '../db/connection';
import { createPlansRepository } from '../db/plans-repository';
import { createProfilesRepository } from '../db/profiles-repository';
import { createPlansService } from '../services/plans-service';
import { createExportSettings } from '../files/export-settings';
import type { Platform } from '../files/platform';
import { createFileService } from '../services/file-service';
import { createCounselorHandlers } from '../services/classes-handlers';
import { invalidInputError } from './input-error';
import { toIpcError } from './to-ipc-error';

export interface AppInfo {
  version: string;
  dataDir: string;
  databaseFile: string;
  /** A repair made at start (see openDatabaseWithRecovery), for the renderer to show. */
  startupNotice?: string;
}

export interface IpcHandlerDeps {
  db: Db;
  dataPack: DataPack;
  appInfo: AppInfo;
  clock?: Clock;
  /** Dialogs and printing for the file channels (export:*, import:*); absent in unit tests of the rest. */
  platform?: Platform;
}

export type Invoke = (channel: unknown, payload: unknown) => Promise<IpcResult<unknown>>;

/** A handler receives the parsed input (defaults applied, names trimmed); it may answer later (a dialog). */
type Handlers = {
  [C in Channel]: (input: z.output<IpcContract[C]['input']>) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
};

export function createIpcHandlers(deps: IpcHandlerDeps): { invoke: Invoke } {
  const clock = deps.clock ?? systemClock;
  const profiles = createProfilesRepository(deps.db, clock);
  const plans = createPlansService({ plans: createPlansRepository(deps.db, clock), profiles });
  const files = createFileService({
    db: deps.db,
    plans,
    dataPack: deps.dataPack,
    settings: createExportSettings(deps.appInfo.dataDir),
    clock,
    platform: deps.platform,
  });

  const handlers: Handlers = {
    'app:info': () => ({ ...deps.appInfo }),
    'datapack:get': () => deps.dataPack,
    'profiles:list': () => profiles.list(),
    'plans:list': (input) => plans.list(input),
    'plans:get': (input) => plans.get(input),
    'plans:create': (input) => plans.create(input),
    'plans:save': (input) => plans.save(input),
    'plans:rename': (input) => plans.rename(input),
    'plans:duplicate': (input) => plans.duplicate(input),
    'plans:delete': (input) => plans.delete(input),
    'plans:restore': (input) => plans.restore(input),
    'report:get': (input) => files.report(input),
    'export:pdf': (input) => files.exportPdf(input),
    'export:csv': (input) => files.exportCsv(input),
    'export:plans': (input) => files.exportPlans(input),
    'import:plans': (input) => files.importPlans(input),
    // Counselor and computer-lab mode: classes, students, roster, batch export, end of session.
    ...createCounselorHandlers({ ...deps, clock, dataDir: deps.appInfo.dataDir }).handlers,
  };

  async function invoke(channel: unknown, payload: unknown): Promise<IpcResult<unknown>> {
    if (!isChannel(channel)) {
      return { ok: false, error: { code: 'invalid_input', message: `Unknown channel ${describe(channel)}` } };
    }
    try {
      const parsed = ipcContract[channel].input.safeParse(payload);
      if (!parsed.success) return { ok: false, error: invalidInputError(parsed.error) };
      const handler = handlers[channel] as (input: unknown) => unknown;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      return { ok: false, error: toIpcError(error, channel) };
    }
  }

  return { invoke };
}

function describe(channel: unknown): string {
  if (typeof channel !== 'string') return `(a ${typeof channel}, not a channel name)`;
  return `"${channel.length > 60 ? `${channel.slice(0, 60)}…` : channel}"`;
}
