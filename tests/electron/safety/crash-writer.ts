/**
 * The child process of crash.test.ts: opens the data folder exactly as the app does
 * (openAppServices: health check, recovery, daily backup, migrations, purge) and saves plans
 * through the real IPC handlers in a loop until it is killed.
 *
 * Protocol on stdout, one line each, written synchronously so a line is out before the next save:
 *   STARTED                 about to open the database
 *   NOTICE <json string>    the app had to repair the file (must never happen after a plain crash)
 *   READY                   open; saving starts
 *   HAVE <planId> <revision> a plan as this run found it (it may hold a save whose ACK a kill cut off)
 *   ACK <planId> <revision> that save has committed (the reply came back)
 *
 * Usage: node --import tsx crash-writer.ts <dataDir> [<clock start, ISO 8601>] [<data pack>]
 * (crash.test.ts runs it bundled, for a fast start; see there.)
 * The clock starts at the given time and runs at real speed, so the test can make every start
 * a new day (and so take a daily backup, which a kill may interrupt too).
 */
import { writeSync } from 'node:fs';
import { openAppServices } from '../../../electron/main/app-services';
import { samplePlan, TINY_PACK_PATH } from '../helpers/fixtures';
import { crashPlanAt, CRASH_NEW_PLAN_NAME } from './helpers';

const PLANS_KEPT_BUSY = 3;
const NEW_PLAN_EVERY = 20;

function say(line: string): void {
  writeSync(1, `${line}\n`);
}

async function main(): Promise<void> {
  const [dataDir, clockStart, dataPackPath = TINY_PACK_PATH] = process.argv.slice(2);
  if (!dataDir) throw new Error('usage: crash-writer.ts <dataDir> [<clock start>] [<data pack>]');
  const startedAt = Date.now();
  const base = clockStart && clockStart !== 'now' ? Date.parse(clockStart) : startedAt;
  const clock = () => new Date(base + (Date.now() - startedAt));

  say('STARTED');
  const services = await openAppServices({ dataDir, dataPackPath, appVersion: 'crash-writer', clock });
  if (services.startupNotice) say(`NOTICE ${JSON.stringify(services.startupNotice)}`);
  say('READY');

  const call = async (channel: string, payload: unknown): Promise<Record<string, unknown>> => {
    const result = await services.invoke(channel, payload);
    if (!result.ok) throw new Error(`${channel} failed: ${result.error.code}: ${result.error.message}`);
    return result.value as Record<string, unknown>;
  };

  const revisions = new Map<number, number>();
  const listed = (await call('plans:list', {})) as unknown as Array<{ id: number }>;
  for (const { id } of listed) {
    const stored = await call('plans:get', { id });
    revisions.set(id, stored.revision as number);
    say(`HAVE ${id} ${String(stored.revision)}`);
  }
  const create = async () => {
    const stored = await call('plans:create', { plan: samplePlan({ name: CRASH_NEW_PLAN_NAME }) });
    // Created at revision 0 under a placeholder name; the first save gives it its real name.
    revisions.set(stored.id as number, 0);
    say(`ACK ${String(stored.id)} 0`);
  };
  while (revisions.size < PLANS_KEPT_BUSY) await create();

  for (let turn = 1; ; turn += 1) {
    if (turn % NEW_PLAN_EVERY === 0) await create();
    const ids = [...revisions.keys()];
    // Mostly the few newest plans, sometimes an old one.
    const id = turn % 7 === 0 ? ids[turn % ids.length] : ids[ids.length - 1 - (turn % PLANS_KEPT_BUSY)];
    const revision = revisions.get(id)!;
    const saved = await call('plans:save', { id, revision, plan: crashPlanAt(id, revision + 1) });
    revisions.set(id, saved.revision as number);
    say(`ACK ${id} ${String(saved.revision)}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
