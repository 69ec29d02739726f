/**
 * Crash safety: a child process (crash-writer.ts) opens the data folder the way the app does and
 * saves plans in a loop, printing `ACK <id> <revision>` after each committed save. It is killed
 * with SIGKILL at a random moment — while opening, backing up or saving — dozens of times. After
 * every kill the database must pass `PRAGMA integrity_check` and hold every acknowledged save (at
 * that revision or later); the next start must open it without "repairing" anything; and the
 * backups taken on the way (each start is a new day) must all be whole.
 *
 * The writer is bundled once with esbuild (tsx's own compiler) so a start costs ~0.25 s instead
 * of ~1 s under `node --import tsx`; without esbuild the test falls back to tsx.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openAppServices } from '../../../electron/main/app-services';
import { listBackups } from '../../../electron/main/db/backup';
import { checkDatabaseFile } from '../../../electron/main/db/check-database';
import { TINY_PACK_PATH } from '../helpers/fixtures';
import { useTempDirs } from '../helpers/temp-dir';
import { crashPlanName, valueOf } from './helpers';

const KILLS = 60;
const MIN_DELAY_MS = 5;
const MAX_DELAY_MS = 150;
const DAY_MS = 24 * 60 * 60 * 1000;
const WRITER_SOURCE = join(__dirname, 'crash-writer.ts');
const REPO_NODE_MODULES = join(__dirname, '..', '..', '..', 'node_modules');

const tempDir = useTempDirs();

interface WriterCommand {
  args: string[];
  env: NodeJS.ProcessEnv;
}

/** The writer bundled to one CommonJS file (better-sqlite3 stays external), or tsx as a fallback. */
async function prepareWriter(outDir: string): Promise<WriterCommand> {
  try {
    const esbuild = await import('esbuild');
    const outfile = join(outDir, 'crash-writer.cjs');
    await esbuild.build({
      entryPoints: [WRITER_SOURCE],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['better-sqlite3'],
      outfile,
      logLevel: 'silent',
    });
    return { args: [outfile], env: { ...process.env, NODE_PATH: REPO_NODE_MODULES } };
  } catch {
    return { args: ['--import', 'tsx', WRITER_SOURCE], env: process.env };
  }
}

interface Run {
  lines: string[];
  stderr: string;
  signal: NodeJS.Signals | null;
  code: number | null;
  readyBeforeKill: boolean;
}

/**
 * Starts the writer and kills it `delayMs` after it says `from`: STARTED (just before it opens
 * the database, so the kill may land in the health check, the backup or the migration) or READY
 * (saving). Measuring from READY keeps half the kills among saves however slow a loaded machine
 * makes the start.
 */
function runAndKill(
  writer: WriterCommand,
  dataDir: string,
  clockStart: string,
  delayMs: number,
  from: 'STARTED' | 'READY',
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...writer.args, dataDir, clockStart, TINY_PACK_PATH], {
      env: writer.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let killTimer: NodeJS.Timeout | undefined;
    let readyBeforeKill = false;
    let killed = false;
    const watchdog = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (!killed && stdout.includes('READY\n')) readyBeforeKill = true;
      if (killTimer === undefined && stdout.includes(`${from}\n`)) {
        killTimer = setTimeout(() => {
          killed = true;
          child.kill('SIGKILL');
        }, delayMs);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(watchdog);
      clearTimeout(killTimer);
      resolve({ lines: stdout.split('\n').filter(Boolean), stderr, signal, code, readyBeforeKill });
    });
  });
}

/** Seeded, so a failure can be replayed with CRASH_SEED=<seed>. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface PlanRow {
  id: number;
  name: string;
  revision: number;
  body: string;
  deleted_at: string | null;
}

/**
 * Checks a copy of the database and its WAL, so the next start meets the files exactly as the
 * crash left them. A read-only connection can't be used instead: after a kill the WAL index may
 * need rebuilding, which is a write ("attempt to write a readonly database").
 */
function copyForInspection(file: string): string {
  const copy = join(tempDir(), 'inspect.sqlite');
  copyFileSync(file, copy);
  if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${copy}-wal`);
  return copy;
}

function verifyAfterCrash(
  file: string,
  acknowledged: Map<number, number>,
  known: Map<number, number>,
  context: string,
): void {
  if (!existsSync(file)) {
    expect(acknowledged.size, `${context}: the database is gone`).toBe(0);
    return;
  }
  const db = new Database(copyForInspection(file), { fileMustExist: true });
  try {
    expect(db.pragma('integrity_check', { simple: true }), context).toBe('ok');
    // integrity_check doesn't evaluate CHECK constraints: check the one on plan bodies here.
    const hasPlans = db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'plans'").get() !== undefined;
    if (hasPlans) {
      expect(db.prepare('SELECT count(*) FROM plans WHERE NOT json_valid(body)').pluck().get(), context).toBe(
        0,
      );
    }
    const rows = hasPlans
      ? db.prepare<[], PlanRow>('SELECT id, name, revision, body, deleted_at FROM plans').all()
      : [];
    const byId = new Map(rows.map((row) => [row.id, row]));
    for (const [id, revision] of acknowledged) {
      const row = byId.get(id);
      expect(row, `${context}: plan ${id}, acknowledged at revision ${revision}, is missing`).toBeDefined();
      if (!row) continue;
      // At least the acknowledged save; at most one more than the writer ever saw (the save in
      // flight when it was killed: committed, but its ACK cut off).
      expect(row.revision, `${context}: plan ${id}`).toBeGreaterThanOrEqual(revision);
      expect(row.revision, `${context}: plan ${id}`).toBeLessThanOrEqual((known.get(id) ?? revision) + 1);
      expect(row.name, `${context}: plan ${id}'s name and revision come from the same save`).toBe(
        crashPlanName(id, row.revision),
      );
      expect((JSON.parse(row.body) as { name: string }).name, `${context}: plan ${id}'s body`).toBe(row.name);
      expect(row.deleted_at).toBeNull();
    }
  } finally {
    db.close();
  }
}

describe('crash safety', () => {
  it(
    `keeps every acknowledged save through ${KILLS} SIGKILLs at random moments`,
    { timeout: 150_000 },
    async () => {
      const seed = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000);
      const random = seededRandom(seed);
      const writer = await prepareWriter(tempDir());
      const dataDir = tempDir();
      const file = join(dataDir, 'planner.sqlite');
      const acknowledged = new Map<number, number>();
      /** The highest revision the writer reported for each plan, acknowledged or found at start. */
      const known = new Map<number, number>();
      const stats = { killedWhileOpening: 0, killedWhileSaving: 0, acks: 0 };
      let day = Date.UTC(2026, 0, 1, 9);

      for (let kill = 1; kill <= KILLS; kill += 1) {
        // Every start is a new day, so every start takes a daily backup a kill can interrupt.
        day += DAY_MS + 60_000;
        const delay = MIN_DELAY_MS + Math.floor(random() * (MAX_DELAY_MS - MIN_DELAY_MS + 1));
        const from = kill % 2 === 1 ? 'STARTED' : 'READY';
        const context = `kill ${kill}, ${delay} ms after ${from} (CRASH_SEED=${seed})`;
        const run = await runAndKill(writer, dataDir, new Date(day).toISOString(), delay, from);

        expect(run.signal, `${context}: the writer stopped by itself:\n${run.stderr}`).toBe('SIGKILL');
        expect(
          run.lines.filter((line) => line.startsWith('NOTICE')),
          `${context}: a plain crash must not look like damage`,
        ).toEqual([]);
        for (const line of run.lines) {
          const reported = /^(ACK|HAVE) (\d+) (\d+)$/.exec(line);
          if (!reported) continue;
          const [id, revision] = [Number(reported[2]), Number(reported[3])];
          known.set(id, Math.max(revision, known.get(id) ?? 0));
          if (reported[1] === 'HAVE') continue;
          stats.acks += 1;
          acknowledged.set(id, Math.max(revision, acknowledged.get(id) ?? 0));
        }
        if (run.readyBeforeKill) stats.killedWhileSaving += 1;
        else stats.killedWhileOpening += 1;
        verifyAfterCrash(file, acknowledged, known, context);
      }

      // The kills landed both while opening (check, backup, migration) and while saving.
      expect(stats.killedWhileSaving, JSON.stringify(stats)).toBeGreaterThanOrEqual(KILLS / 2);
      expect(stats.killedWhileOpening, JSON.stringify(stats)).toBeGreaterThan(0);
      expect(acknowledged.size).toBeGreaterThanOrEqual(3);

      // A normal start afterwards: nothing to repair, every acknowledged save readable through IPC.
      const services = await openAppServices({
        dataDir,
        dataPackPath: TINY_PACK_PATH,
        appVersion: 'after-crashes',
        clock: () => new Date(day + DAY_MS + 60_000),
      });
      expect(services.startupNotice).toBeUndefined();
      for (const [id, revision] of acknowledged) {
        const stored = valueOf<{ revision: number; plan: { name: string } }>(
          await services.invoke('plans:get', { id }),
        );
        expect(stored.revision).toBeGreaterThanOrEqual(revision);
      }
      services.close();

      // That start took a backup, which cleared what interrupted backups left; every backup is whole.
      const backupsDir = join(dataDir, 'backups');
      expect(
        readdirSync(backupsDir).filter((name) => !/^planner-\d{8}T\d{9}Z-v\d+(-\d+)?\.sqlite$/.test(name)),
      ).toEqual([]);
      const backups = listBackups(backupsDir);
      expect(backups.length).toBeGreaterThan(0);
      expect(backups.length).toBeLessThanOrEqual(10);
      for (const backup of backups) expect(checkDatabaseFile(backup.file).kind, backup.name).toBe('existing');
      expect(readdirSync(dataDir).filter((name) => name.includes('damaged'))).toEqual([]);

      console.info(`[crash] seed ${seed}: ${KILLS} kills, ${stats.acks} acknowledged saves`, stats);
    },
  );
});
