/**
 * The command line: `main` called in-process with captured output (fast), plus a few runs of the
 * real entry point as a subprocess to check exit codes end to end.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main, nodeIo } from '../../electron/cli/main';
import { indexDataPack, projectPlan } from '../../shared/engine';
import type { PlanFile } from '../../shared/plan/schema';
import { FIXTURE_PACK_PATH, fixturePack, realPack } from '../shared/fixtures/packs';

const REPO = join(__dirname, '..', '..');
let dir: string;

function run(...argv: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = main(argv, { ...nodeIo, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

/** Runs against the fixture pack, so numbers here do not move when data/pack.json is rebuilt. */
const fx = (...argv: string[]) => run(...argv, '--pack', FIXTURE_PACK_PATH);

const twoPlans: PlanFile = {
  format: 'pathway-planner/plan',
  version: 1,
  plans: [
    {
      name: 'Front office',
      startYear: 2026,
      years: 12,
      start: { role: 'junior-medical-office-assistant', place: 'US', setting: 'all', hoursPerWeek: 40 },
      steps: [],
      assumptions: { realRaisePct: 0 },
    },
    {
      name: 'MA associate',
      startYear: 2026,
      years: 12,
      start: { role: 'medical-assistant', place: 'US', setting: 'all', hoursPerWeek: 40 },
      steps: [{ type: 'program', program: 'ma-associate', year: 2026 }],
      assumptions: { realRaisePct: 0 },
    },
  ],
};

function write(name: string, content: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'plan-cli-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('usage', () => {
  it('help prints the usage and exits 0', () => {
    const r = run('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: npm run -s plan -- <command>/);
  });

  it.each([
    [[], 'missing command'],
    [['fly'], 'unknown command "fly"'],
    [['project'], 'project: missing plan file'],
    [['project', 'a.json', '--colour'], "Unknown option '--colour'"],
    [['compare', 'a.json', '--format', 'csv'], 'compare: --format must be table, json (got "csv")'],
    [['validate', 'a.json', '--format', 'json'], 'validate takes no --format option'],
    [['list', 'animals'], 'list: unknown list "animals"'],
    [['project', 'a.json', 'b.json'], 'project: unexpected argument "b.json"'],
  ])('%j → exit 2 with the reason and the usage', (argv, reason) => {
    const r = run(...argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(reason);
    expect(r.stderr).toContain('Usage:');
    expect(r.stdout).toBe('');
  });

  it('a data pack that cannot be loaded exits 1', () => {
    const r = run('list', 'roles', '--pack', join(dir, 'nope.json'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('could not be read');
  });
});

describe('validate', () => {
  it('a valid file: exit 0 and "valid: N plans"', () => {
    const r = fx('validate', write('two.pathway.json', twoPlans));
    expect(r).toEqual({ code: 0, stdout: 'valid: 2 plans\n', stderr: '' });
  });

  it('a broken file: exit 2, one "<json path>: <why>" line per problem', () => {
    const broken = structuredClone(twoPlans) as unknown as { plans: Array<Record<string, unknown>> };
    broken.plans[0]!.startYear = 2026.5;
    (broken.plans[1]!.steps as unknown[]).push({ type: 'certification', certification: 'cmaaa', year: 2027 });
    const r1 = fx('validate', write('broken-schema.json', broken));
    expect(r1.code).toBe(2);
    expect(r1.stderr).toBe('$.plans[0].startYear: must be a whole year\n');
    broken.plans[0]!.startYear = 2026;
    const r2 = fx('validate', write('broken-ids.json', broken));
    expect(r2.code).toBe(2);
    expect(r2.stderr).toBe(
      '$.plans[1].steps[1].certification: unknown certification "cmaaa" (did you mean "cmaa"?)\n',
    );
  });

  it('not JSON, or no such file: exit 2 with the reason', () => {
    const notJson = fx('validate', write('not-json.json', '{ plans: '));
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toMatch(/^\$: .*not-json\.json is not JSON \(/);
    const missing = fx('validate', join(dir, 'missing.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('missing.json: no such file');
  });
});

describe('project', () => {
  const index = indexDataPack(fixturePack);

  it('json: every plan, every year, money in whole dollars, warnings as objects', () => {
    const file = structuredClone(twoPlans);
    file.plans[1]!.steps.push({ type: 'role', role: 'lead-medical-assistant', year: 2027 });
    const r = fx('project', write('p.json', file), '--format', 'json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as {
      plans: Array<{ name: string; currency: string; years: Array<Record<string, unknown>> }>;
    };
    expect(json.plans.map((p) => [p.name, p.currency, p.years.length])).toEqual([
      ['Front office', 'USD', 12],
      ['MA associate', 'USD', 12],
    ]);
    const expected = projectPlan(file.plans[1]!, index);
    const year = json.plans[1]!.years[1]!;
    expect(Object.keys(year)).toEqual(
      expect.arrayContaining([
        'year',
        'role',
        'place',
        'setting',
        'hoursPerWeek',
        'salary',
        'salaryLow',
        'salaryHigh',
        'costs',
        'cumulativeNet',
        'warnings',
      ]),
    );
    expect(year).toMatchObject({
      year: 2027,
      role: 'lead-medical-assistant',
      place: 'US',
      setting: 'all',
      hoursPerWeek: 40,
      salary: 55000,
      salaryLow: expected.years[1]!.salaryLow,
      cumulativeNet: 42000 - 25000 + 55000,
    });
    expect(year.warnings).toEqual([
      {
        code: 'early-promotion',
        message: 'Lead Medical Assistant usually needs 4 years of experience; this plan gets there after 1.',
        stepIndex: 1,
      },
    ]);
  });

  it('csv: a header and one line per plan year, fields quoted where needed', () => {
    const r = fx('project', write('p.json', twoPlans), '--format', 'csv');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(
      'plan,currency,dollars,year,role,place,setting,hoursPerWeek,salary,salaryLow,salaryHigh,costs,cumulativeNet,warnings',
    );
    expect(lines).toHaveLength(1 + 24);
    expect(lines[13]).toBe(
      `MA associate,USD,today,2026,medical-assistant,US,all,40,42000,${projectPlan(twoPlans.plans[1]!, index).years[0]!.salaryLow},${projectPlan(twoPlans.plans[1]!, index).years[0]!.salaryHigh},25000,17000,`,
    );
  });

  it('table (the default): aligned columns, thousands separators, totals', () => {
    const r = fx('project', write('p.json', twoPlans));
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    const header = lines.find((l) => l.startsWith('Year'))!;
    const row = lines.find((l) => l.startsWith('2027'))!;
    expect(header).toMatch(
      /Year\s+Role\s+Place\s+Setting\s+Hours\s+Salary\s+Low\s+High\s+Costs\s+Cumulative net$/,
    );
    // Right-aligned money: every row ends where the header ends.
    expect(row.length).toBe(header.length);
    expect(row).toContain('36,000');
    expect(r.stdout).toContain('Total: earnings 432,000, costs 0, net 432,000 USD');
    expect(r.stdout).toContain('costs 25,000');
  });
});

describe('compare', () => {
  it('table: per-year differences, break-even, after 5 and 10 years', () => {
    const r = fx('compare', write('c.json', twoPlans));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('A = "Front office", B = "MA associate"');
    // 6,000 a year more, 25,000 up front: even in the fifth year.
    expect(r.stdout).toContain('Break-even: 2030 (year 5)');
    expect(r.stdout).toContain('After 5 years: "MA associate" is ahead by 5,000 USD (B − A = +5,000)');
    expect(r.stdout).toContain('After 10 years: "MA associate" is ahead by 35,000 USD (B − A = +35,000)');
  });

  it('json: one comparison per other plan', () => {
    const three = { ...twoPlans, plans: [...twoPlans.plans, { ...twoPlans.plans[0]!, name: 'Same again' }] };
    const r = fx('compare', write('c3.json', three), '--format', 'json');
    const json = JSON.parse(r.stdout) as {
      comparisons: Array<{
        nameA: string;
        nameB: string;
        breakEvenYear: number | null;
        after5: number | null;
        after10: number | null;
      }>;
    };
    expect(json.comparisons.map((c) => [c.nameA, c.nameB, c.breakEvenYear, c.after5, c.after10])).toEqual([
      ['Front office', 'MA associate', 2030, 5000, 35000],
      ['Front office', 'Same again', 2026, 0, 0],
    ]);
  });

  it('needs two plans in one currency (exit 2)', () => {
    const one = fx('compare', write('one.json', { ...twoPlans, plans: [twoPlans.plans[0]] }));
    expect(one.code).toBe(2);
    expect(one.stderr).toContain('compare needs at least two plans');
    const gb = structuredClone(twoPlans);
    gb.plans[1]!.start = { role: 'medical-assistant', place: 'GB', setting: 'all', hoursPerWeek: 40 };
    const mixed = fx('compare', write('mixed.json', gb));
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toContain('$.plans[1]: "MA associate" is in GBP but "Front office" is in USD');
  });
});

describe('list', () => {
  it.each(['roles', 'places', 'settings', 'certifications', 'programs'])(
    '%s: a table with ids, names and sources, and json',
    (kind) => {
      const table = fx('list', kind);
      expect(table.code).toBe(0);
      expect(table.stdout.split('\n')[0]).toMatch(/^Id\s+/);
      const json = JSON.parse(fx('list', kind, '--format', 'json').stdout) as Record<
        string,
        Array<{ id: string; name: string }>
      >;
      const items = json[kind]!;
      expect(items.length).toBeGreaterThan(0);
      for (const item of items) {
        expect(item.id).toBeTruthy();
        expect(item.name).toBeTruthy();
        expect(table.stdout).toContain(item.id);
      }
    },
  );

  it('roles cite their pay source', () => {
    const json = JSON.parse(fx('list', 'roles', '--format', 'json').stdout) as {
      roles: Array<{ id: string; medianPay: number | null; source: { id: string; publisher?: string } }>;
    };
    expect(json.roles.find((r) => r.id === 'medical-assistant')).toMatchObject({
      medianPay: 42000,
      source: { id: 'fixture-guide-ma', publisher: 'TEST FIXTURE' },
    });
  });
});

describe.runIf(realPack)('the real entry point, as a subprocess, with data/pack.json', () => {
  const tsx = join(REPO, 'node_modules', '.bin', 'tsx');
  const cli = (...argv: string[]) =>
    spawnSync(tsx, ['electron/cli/plan.ts', ...argv], { cwd: REPO, encoding: 'utf8' });

  it('validates every example file', () => {
    for (const name of ['moa-ladder-texas', 'medical-assistant-with-cma', 'front-office-or-clinical']) {
      const r = cli('validate', `data/examples/${name}.pathway.json`);
      expect([r.status, r.stdout]).toEqual([0, expect.stringMatching(/^valid: \d plans?\n$/)]);
    }
  });

  it('projects and compares the examples', () => {
    const out = execFileSync(
      tsx,
      ['electron/cli/plan.ts', 'project', 'data/examples/moa-ladder-texas.pathway.json', '--format', 'json'],
      { cwd: REPO, encoding: 'utf8' },
    );
    const json = JSON.parse(out) as { plans: Array<{ years: Array<{ role: string; salary: number }> }> };
    expect(json.plans[0]!.years.map((y) => y.role).at(-1)).toBe('lead-medical-office-assistant');
    const compare = cli('compare', 'data/examples/front-office-or-clinical.pathway.json');
    expect(compare.status).toBe(0);
    expect(compare.stdout).toContain('Break-even:');
  });

  it('exits 2 on an unknown command and on a broken file', () => {
    expect(cli('fly').status).toBe(2);
    const broken = write('broken.json', {
      format: 'pathway-planner/plan',
      version: 1,
      plans: [
        {
          ...JSON.parse(readFileSync(join(REPO, 'data/examples/moa-ladder-texas.pathway.json'), 'utf8'))
            .plans[0],
          startYear: 'soon',
        },
      ],
    });
    const r = cli('project', broken);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('$.plans[0].startYear: must be a number');
  });

  it('runs every command line the README shows, on the files it names', () => {
    const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
    const lines = [...readme.matchAll(/^npm run -s plan -- (.+)$/gm)].map((m) => m[1]!.trim());
    expect(lines.length).toBeGreaterThanOrEqual(4);
    for (const line of lines) {
      // The README's own placeholder is a file the reader brings: use an example instead.
      const argv = line.split(/\s+/).map((word) => (word === 'my-plans.pathway.json' ? 'data/examples/moa-ladder-texas.pathway.json' : word));
      const result = run(...argv.map((word) => (word.startsWith('data/') ? join(REPO, word) : word)));
      expect({ line, code: result.code, stderr: result.stderr }).toEqual({ line, code: 0, stderr: '' });
    }
  });
});
