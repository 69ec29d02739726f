/**
 * `npm run bench` (second part): batch PDF export, seconds per plan, through the real pipeline
 * the e2e tests use — the real handlers and database, the built print page in Chromium, the
 * same print options as the app (Electron's printToPDF is the same DevTools call). Needs
 * `npx electron-vite build` and /usr/bin/chromium (or CHROMIUM_PATH).
 *
 * Reports, for a class of STUDENTS × PLANS_EACH: seconds per plan for one PDF per student and
 * for one combined PDF, the time combining takes, and the progress seen while polling.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ChannelOutput } from '../../shared/ipc/contract';
import type { Plan } from '../../shared/plan/schema';
import { startApp, type App } from '../e2e/harness';

const STUDENTS = Number(process.env.BENCH_STUDENTS ?? 8);
const PLANS_EACH = Number(process.env.BENCH_PLANS_EACH ?? 2);
const PLACES = ['US-TX', 'US-CA', 'US-NY', 'US-OH', 'US-FL', 'US'];

type Status = ChannelOutput<'batch:status'>;

function plan(student: number, n: number): Plan {
  return {
    name: `Plan ${n + 1}`,
    startYear: 2026,
    years: 10,
    start: {
      role: n % 2 === 0 ? 'medical-assistant' : 'medical-office-assistant',
      place: PLACES[(student + n) % PLACES.length]!,
      setting: 'all',
      hoursPerWeek: 40,
    },
    steps: [{ type: 'certification', certification: 'cma', year: 2027 }],
  };
}

async function run(app: App, classId: number, layout: 'per-student' | 'combined', target: string) {
  app.dialogs.answerSave(target);
  const started = performance.now();
  const start = await app.call<ChannelOutput<'batch:start'>>('batch:start', { classId, layout });
  if (start.status !== 'chosen') throw new Error('the dialog was cancelled');
  const progress: number[] = [];
  let status: Status;
  for (;;) {
    status = await app.call<Status>('batch:status', { jobId: start.jobId });
    if (progress.at(-1) !== status.done) progress.push(status.done);
    if (status.state !== 'running') break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const seconds = (performance.now() - started) / 1000;
  if (status.state !== 'done') throw new Error(`the export ended ${status.state}: ${status.error ?? ''}`);
  // A plan that fails is reported and the rest are written; the bench says so.
  for (const failed of status.failed) console.warn(`  not printed: ${failed.student}, ${failed.plan}: ${failed.message.split('\n')[0]}`);
  return { seconds, status, progress };
}

async function bench(): Promise<void> {
  const out = mkdtempSync(join(tmpdir(), 'pathway-bench-batch-'));
  const app = await startApp();
  // Under tsx, esbuild's keepNames adds `__name(…)` calls to the harness's init script (a
  // function, serialised into the page), where `__name` does not exist; vitest does not. The
  // same bridge as a plain string, so every page (the print pages too) gets `window.planner`.
  await app.context.addInitScript({
    content:
      'if (!window.planner || typeof window.planner.invoke !== "function") {' +
      '  window.planner = { invoke: (c, i) => window.__plannerInvoke(c, i), onMenu: () => () => {} };' +
      '}',
  });
  try {
    const group = await app.call<{ id: number }>('classes:create', { name: 'Bench class' });
    for (let s = 0; s < STUDENTS; s += 1) {
      const student = await app.call<{ id: number }>('students:create', {
        classId: group.id,
        name: `Student ${s + 1}`,
      });
      for (let n = 0; n < PLANS_EACH; n += 1) await app.call('plans:create', { profileId: student.id, plan: plan(s, n) });
    }
    const total = STUDENTS * PLANS_EACH;
    // A warm-up plan so the first timing does not include Chromium starting its renderer.
    await run(app, group.id, 'per-student', join(out, 'warm-up'));

    const perStudent = await run(app, group.id, 'per-student', join(out, 'per-student'));
    const combined = await run(app, group.id, 'combined', join(out, 'class.pdf'));
    const files = readdirSync(join(out, 'per-student'));
    const bytes = files.reduce((n, f) => n + statSync(join(out, 'per-student', f)).size, 0);

    const lines = [
      `Batch export: ${STUDENTS} students × ${PLANS_EACH} plans = ${total} plans (print page in Chromium, as in the e2e tests)`,
      `One PDF per student: ${perStudent.seconds.toFixed(1)} s, ${(perStudent.seconds / total).toFixed(2)} s per plan; ` +
        `${files.length} files, ${(bytes / 1024).toFixed(0)} KB`,
      `One combined PDF:    ${combined.seconds.toFixed(1)} s, ${(combined.seconds / total).toFixed(2)} s per plan; ` +
        `${(statSync(join(out, 'class.pdf')).size / 1024).toFixed(0)} KB`,
      `Progress seen while polling every 50 ms: ${perStudent.progress.join(' → ')}`,
      `Plans not printed: ${perStudent.status.failed.length + combined.status.failed.length} (of ${2 * total})`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await app.close();
    rmSync(out, { recursive: true, force: true });
  }
}

bench().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
