/**
 * The counselor channels' implementations (shared/ipc/counselor-contract.ts), spread into the
 * app's handler map by ipc/handlers.ts. Inputs arrive parsed by the contract.
 */
import type { z } from 'zod';
import type { DataPack } from '../../../shared/datapack/schema';
import type { CounselorChannel, CounselorContract } from '../../../shared/ipc/counselor-contract';
import { createClassesRepository } from '../db/classes-repository';
import type { Clock } from '../db/clock';
import type { Db } from '../db/connection';
import { createPlansRepository } from '../db/plans-repository';
import { createProfilesRepository } from '../db/profiles-repository';
import { createStudentsRepository } from '../db/students-repository';
import { createExportSettings } from '../files/export-settings';
import type { Platform } from '../files/platform';
import { createBatchExportService, type BatchExportService } from './batch-export';
import { createClassesService } from './classes';
import { createEndOfSessionService } from './end-of-session';
import { importRoster, previewRoster } from './roster';

export interface CounselorHandlerDeps {
  db: Db;
  dataPack: DataPack;
  clock: Clock;
  /** The data folder: backups live in its `backups/`, preferences in its settings.json. */
  dataDir: string;
  /** Dialogs and printing (batch export, end of session); absent in unit tests of the rest. */
  platform?: Platform;
}

type Output<C extends CounselorChannel> = z.output<CounselorContract[C]['output']>;
export type CounselorHandlers = {
  [C in CounselorChannel]: (input: z.output<CounselorContract[C]['input']>) => Output<C> | Promise<Output<C>>;
};

export function createCounselorHandlers(deps: CounselorHandlerDeps): {
  handlers: CounselorHandlers;
  /** Not a channel: lets tests and the bench wait for a batch job. */
  batch: BatchExportService;
} {
  const classes = createClassesRepository(deps.db, deps.clock);
  const students = createStudentsRepository(deps.db, deps.clock);
  const profiles = createProfilesRepository(deps.db, deps.clock);
  const plans = createPlansRepository(deps.db, deps.clock);
  const settings = createExportSettings(deps.dataDir);
  const service = createClassesService({ classes, students });
  const roster = { db: deps.db, classes, students };
  const batch = createBatchExportService({ ...deps, classes, students, plans, settings });
  const session = createEndOfSessionService({ ...deps, classes, students, profiles, plans, settings });

  const handlers: CounselorHandlers = {
    'classes:list': () => service.list(),
    'classes:create': (input) => service.create(input),
    'classes:students': (input) => service.roster(input),
    'students:create': (input) => service.addStudent(input),
    'students:delete': (input) => service.deleteStudent(input),
    'roster:preview': (input) => previewRoster(roster, input),
    'roster:import': (input) => importRoster(roster, input.rows),
    'batch:start': (input) => batch.start(input),
    'batch:status': (input) => batch.status(input),
    'batch:cancel': (input) => batch.cancel(input),
    'session:prepareEnd': () => session.prepare(),
    'session:end': (input) => session.end(input),
  };
  return { handlers, batch };
}
