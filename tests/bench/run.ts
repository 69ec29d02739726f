/**
 * `npm run bench`: projects 10,000 varied forty-year plans and compares the time per plan with a
 * floor loop that does only the pay arithmetic for the same plan-years (the product of the
 * factors, raise and inflation, three roundings and the running totals) with no objects built.
 * Targets: ≤ 20 µs per plan and ≤ 5× the floor.
 *
 * The engine is timed as the app runs it: bundled into one module by Vite, as electron-vite
 * bundles it into the main process and the renderer. Run from source under tsx, every module is
 * wrapped in CommonJS and each call into another module goes through a getter; that path (the
 * command line's) is timed too, for reference.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { build, type Rollup } from 'vite';
import { loadDataPack } from '../../electron/main/datapack/load-data-pack';
import type { DataPack } from '../../shared/datapack/schema';
import * as engineFromSource from '../../shared/engine';
import type { DataPackIndex } from '../../shared/engine';
import type { Plan, Step } from '../../shared/plan/schema';

type Engine = Pick<typeof engineFromSource, 'indexDataPack' | 'projectPlan'>;

const PLANS = 10_000;
const YEARS = 40;
const ROUNDS = 7;
const TARGET_MICROS = 20;
const TARGET_RATIO = 5;

/** Small seeded PRNG (mulberry32) so every run projects the same plans. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generatePlans(index: DataPackIndex): Plan[] {
  const next = random(20_261_123);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const { pack } = index;
  const usPlaces = pack.places.filter((p) => p.currency === 'USD').map((p) => p.id);
  const countries = pack.places
    .filter((p) => p.kind === 'country' && pack.countryPay.some((c) => c.placeId === p.id))
    .map((p) => p.id);
  const settings = pack.settings.map((s) => s.id);
  const plans: Plan[] = [];
  for (let n = 0; n < PLANS; n++) {
    const track = pick(pack.tracks);
    const abroad = countries.length > 0 && next() < 0.1;
    const startYear = 2026;
    const steps: Step[] = [];
    // Up the track at varied pace.
    let year = startYear;
    for (const role of track.roleIds.slice(1)) {
      year += 1 + Math.floor(next() * 5);
      if (year >= startYear + YEARS) break;
      steps.push({ type: 'role', role, year });
    }
    const certifications = pack.certifications.filter((c) => c.trackIds.includes(track.id));
    const programs = pack.programs.filter((p) => p.trackIds.includes(track.id));
    if (programs.length > 0)
      steps.push({ type: 'program', program: pick(programs).id, year: startYear + Math.floor(next() * 3) });
    if (certifications.length > 0)
      steps.push({
        type: 'certification',
        certification: pick(certifications).id,
        year: startYear + 1 + Math.floor(next() * 5),
      });
    if (!abroad && next() < 0.5)
      steps.push({ type: 'place', place: pick(usPlaces), year: startYear + Math.floor(next() * YEARS) });
    if (next() < 0.5)
      steps.push({ type: 'setting', setting: pick(settings), year: startYear + Math.floor(next() * YEARS) });
    if (next() < 0.3)
      steps.push({
        type: 'hours',
        hoursPerWeek: pick([20, 30, 32, 36]),
        year: startYear + Math.floor(next() * YEARS),
      });
    plans.push({
      name: `bench ${n}`,
      startYear,
      years: YEARS,
      start: {
        role: track.roleIds[0]!,
        place: abroad ? pick(countries) : pick(usPlaces),
        setting: pick(settings),
        hoursPerWeek: pick([20, 30, 40, 40, 40]),
        yearsExperience: Math.floor(next() * 3),
      },
      steps,
      assumptions: {
        inflationPct: 1 + next() * 3,
        realRaisePct: next() * 2,
        dollars: next() < 0.5 ? 'today' : 'nominal',
        band: next() < 0.5 ? 'p25-p75' : 'p10-p90',
      },
    });
  }
  return plans;
}

/** Per plan-year inputs for the floor loop: the factors the engine settled on, laid out flat. */
interface FloorInput {
  factors: Float64Array; // per plan-year: base × place × setting × cert × hours × keptPay, bandLow, bandHigh, costs
  growth: Float64Array; // per plan: raise step, inflation step
}

function floorInputs({ projectPlan }: Engine, index: DataPackIndex, plans: readonly Plan[]): FloorInput {
  const factors = new Float64Array(plans.length * YEARS * 4);
  const growth = new Float64Array(plans.length * 2);
  plans.forEach((plan, p) => {
    const projection = projectPlan(plan, index);
    growth[p * 2] = 1 + projection.assumptions.realRaisePct / 100;
    growth[p * 2 + 1] = projection.dollars === 'nominal' ? 1 + projection.assumptions.inflationPct / 100 : 1;
    projection.years.forEach((y, i) => {
      const f = y.factors;
      const at = (p * YEARS + i) * 4;
      factors[at] = f.baseRate * f.place * f.setting * f.certification * f.hours * f.keptPay;
      factors[at + 1] = f.bandLow;
      factors[at + 2] = f.bandHigh;
      factors[at + 3] = y.costs;
    });
  });
  return { factors, growth };
}

/** Only the arithmetic: rate, raise, inflation, three roundings, running totals; nothing allocated. */
function floorLoop({ factors, growth }: FloorInput, plans: number, out: Float64Array): void {
  for (let p = 0; p < plans; p++) {
    const raiseStep = growth[p * 2]!;
    const inflationStep = growth[p * 2 + 1]!;
    let raise = 1;
    let inflation = 1;
    let earnings = 0;
    let costs = 0;
    let spread = 0;
    for (let i = 0; i < YEARS; i++) {
      const at = (p * YEARS + i) * 4;
      if (i > 0) {
        raise *= raiseStep;
        inflation *= inflationStep;
      }
      const real = factors[at]! * raise;
      const salary = Math.round(real * inflation);
      const low = Math.round(real * factors[at + 1]! * inflation);
      const high = Math.round(real * factors[at + 2]! * inflation);
      earnings += salary;
      costs += Math.round(factors[at + 3]! * inflation);
      spread += high - low;
    }
    out[p] = earnings - costs + spread * 1e-9;
  }
}

function spread(values: readonly number[]): [number, number] {
  return [Math.min(...values), Math.max(...values)];
}

function time(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function loadPack(): { pack: DataPack; label: string } {
  const real = join(__dirname, '..', '..', 'data', 'pack.json');
  if (existsSync(real)) return { pack: loadDataPack(real), label: 'data/pack.json' };
  const fixture = join(__dirname, '..', 'shared', 'fixtures', 'datapack.fixture.json');
  return { pack: loadDataPack(fixture), label: 'test fixture pack' };
}

/** shared/engine bundled by Vite into one CommonJS file (unminified, like the main process's build), loaded. */
async function bundledEngine(): Promise<Engine> {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      lib: { entry: join(__dirname, '..', '..', 'shared', 'engine', 'index.ts'), formats: ['cjs'] },
    },
  });
  const [result] = Array.isArray(output) ? output : [output as Rollup.RollupOutput];
  const chunk = result!.output.find((item): item is Rollup.OutputChunk => item.type === 'chunk');
  if (!chunk) throw new Error('Vite produced no engine bundle');
  const dir = mkdtempSync(join(tmpdir(), 'pathway-bench-engine-'));
  try {
    const file = join(dir, 'engine.cjs');
    writeFileSync(file, chunk.code);
    return createRequire(file)(file) as Engine;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface Timing {
  engineMicros: number;
  floorMicros: number;
  /** Lowest and highest ratio of one round's engine to its floor: a wide spread means a noisy machine. */
  roundRatios: [number, number];
  checksum: number;
}

/** Engine and floor over the same plans, interleaved round by round; medians per plan. */
function measure(engine: Engine, index: DataPackIndex, plans: readonly Plan[]): Timing {
  const inputs = floorInputs(engine, index, plans);
  const sink = new Float64Array(plans.length);
  const { projectPlan } = engine;
  let checksum = 0;
  const project = () => {
    for (const plan of plans) checksum += projectPlan(plan, index).totals.net;
  };
  const floor = () => floorLoop(inputs, plans.length, sink);

  // Warm up both so the JIT has optimised them before anything is timed.
  for (let i = 0; i < 2; i++) {
    project();
    floor();
  }
  const engineRuns: number[] = [];
  const floorRuns: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    engineRuns.push(time(project));
    floorRuns.push(time(floor));
  }
  return {
    engineMicros: (median(engineRuns) * 1000) / plans.length,
    floorMicros: (median(floorRuns) * 1000) / plans.length,
    roundRatios: spread(engineRuns.map((ms, round) => ms / floorRuns[round]!)),
    // So neither loop is optimised away.
    checksum: checksum + sink.reduce((a, b) => a + b, 0),
  };
}

async function bench(): Promise<void> {
  const { pack, label } = loadPack();
  const engine = await bundledEngine();
  const indexMillis = time(() => engine.indexDataPack(pack));
  const index = engine.indexDataPack(pack);
  const plans = generatePlans(index);
  const steps = plans.reduce((n, p) => n + p.steps.length, 0) / plans.length;

  const app = measure(engine, index, plans);
  const ratio = app.engineMicros / app.floorMicros;
  const source = measure(engineFromSource, engineFromSource.indexDataPack(pack), plans);

  const lines = [
    `Pack: ${label} (indexed once in ${indexMillis.toFixed(1)} ms)`,
    `Plans: ${plans.length.toLocaleString('en-US')} × ${YEARS} years, ${steps.toFixed(1)} steps each on average; median of ${ROUNDS} rounds`,
    `Engine (bundled, as the app runs it): ${app.engineMicros.toFixed(2)} µs per plan (${((app.engineMicros * 1000) / YEARS).toFixed(0)} ns per plan-year)   target ≤ ${TARGET_MICROS} µs: ${app.engineMicros <= TARGET_MICROS ? 'met' : 'MISSED'}`,
    `Floor:  ${app.floorMicros.toFixed(3)} µs per plan (arithmetic only, same plan-years)`,
    `Ratio:  ${ratio.toFixed(1)}× the floor   target ≤ ${TARGET_RATIO}×: ${ratio <= TARGET_RATIO ? 'met' : 'MISSED'}   (rounds ${app.roundRatios.map((r) => r.toFixed(1)).join('–')}×; a wide spread means other load on the machine)`,
    `For reference, from source under tsx (the command line; measured second): ${source.engineMicros.toFixed(2)} µs per plan, ${(source.engineMicros / source.floorMicros).toFixed(1)}× its floor`,
    `(checksums: ${app.checksum.toFixed(0)}, ${source.checksum.toFixed(0)})`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

bench().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
