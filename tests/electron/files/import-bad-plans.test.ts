/**
 * A corpus of bad plan files (tests/fixtures/bad-plans), each imported through the real
 * handlers with the open dialog pointing at it: every one is refused with its own message that
 * names the problem and where it is, and the database is exactly as it was (all or nothing).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import { MAX_PLAN_FILE_BYTES } from '../../../shared/plan/plan-file-text';
import { useTempDirs } from '../helpers/temp-dir';
import { BAD_PLANS_DIR, dumpDatabase, openFilesApp, type FilesApp } from './app-with-files';

type ImportResult = ChannelOutput<'import:plans'>;

/** File → the JSON path the first problem names, and what its message must say. */
const EXPECTED: Record<string, { path: string; message: RegExp; line?: number }> = {
  'syntax-trailing-comma.json': { path: '$.plans[1]', line: 28, message: /not valid JSON: line 28, column 3: a comma before '\]'/ },
  'syntax-missing-comma.json': { path: '$.plans[0].startYear', line: 8, message: /line 8, column 7: expected ',' or '\}' after the value of "startYear".*comma missing/ },
  'syntax-single-quotes.json': { path: '$.plans[0].name', line: 6, message: /line 6, column 15: .*double quotes/ },
  'syntax-truncated.json': { path: '$.plans[0].start.hoursPerWeek', message: /the file ends inside an object.*cut short/ },
  'syntax-empty.json': { path: '$', message: /the file is empty/ },
  'syntax-unclosed-string.json': { path: '$.plans[0].name', line: 6, message: /line 6, column 30: a line break inside text in quotes/ },
  'syntax-comment.json': { path: '$', line: 1, message: /line 1, column 1: expected a value .* but found "\/\/"/ },
  'syntax-nan.json': { path: '$.plans[0].years', line: 8, message: /found "NaN" \(JSON has no such value; use a number\)/ },
  'syntax-duplicate-key.json': { path: '$.plans[0].years', line: 9, message: /"years" appears twice in the same object/ },
  'syntax-two-documents.json': { path: '$', line: 30, message: /after the end of the JSON data \(only one value is allowed\)/ },
  'envelope-top-level-list.json': { path: '$', message: /is a list, not a plan file/ },
  'envelope-wrong-format.json': { path: '$.format', message: /is "other-app\/plan", so this is not a Pathway Planner plan file/ },
  'envelope-missing-format.json': { path: '$.format', message: /is missing, so this is not a Pathway Planner plan file/ },
  'envelope-newer-version.json': { path: '$.version', message: /newer version of Pathway Planner.*Update Pathway Planner/ },
  'envelope-version-as-text.json': { path: '$.version', message: /must be 1/ },
  'envelope-no-plans.json': { path: '$.plans', message: /must contain at least one plan/ },
  'ids-unknown-role.json': { path: '$.plans[0].start.role', message: /unknown role "medical-asistant" \(did you mean "medical-assistant"\?\)/ },
  'ids-unknown-certification.json': { path: '$.plans[0].steps[1].certification', message: /unknown certification "cmaa-x"/ },
  'ids-unknown-place.json': { path: '$.plans[0].start.place', message: /unknown place "US-ZZ"/ },
  'ids-unknown-program.json': { path: '$.plans[0].steps[0].program', message: /unknown program "astronaut-school"/ },
  'ids-currency-change.json': { path: '$.plans[0].steps[2].place', message: /uses GBP but this plan is in USD/ },
  'range-too-many-years.json': { path: '$.plans[0].years', message: /must be at most 45/ },
  'range-hours.json': { path: '$.plans[0].start.hoursPerWeek', message: /must be at most 80 hours/ },
  'range-step-outside-plan.json': { path: '$.plans[0].steps[1].year', message: /must be within the plan's years 2026–2035/ },
  'range-negative-cost.json': { path: '$.plans[0].steps[0].cost', message: /must not be negative/ },
  'range-pay-change.json': { path: '$.plans[0].steps[1].payChangePct', message: /must be at most 100%/ },
  'type-years-as-text.json': { path: '$.plans[0].years', message: /must be a number/ },
  'type-fractional-year.json': { path: '$.plans[0].startYear', message: /must be a whole year/ },
  'shape-unknown-field.json': { path: '$.plans[0].salary', message: /is not a field this version of the plan format knows/ },
  'shape-unknown-step-type.json': { path: '$.plans[0].steps[0].type', message: /must be one of "role", "certification"/ },
  'shape-empty-name.json': { path: '$.plans[0].name', message: /must not be empty/ },
  'shape-missing-start.json': { path: '$.plans[0].start', message: /is missing/ },
  'file-duplicate-plan-names.json': { path: '$.plans[1].name', message: /"Texas MA plan" is also the name of \$\.plans\[0\]/ },
  'encoding-utf16.json': { path: '$', message: /saved as UTF-16.*Save it again as UTF-8/ },
  'encoding-binary.json': { path: '$', message: /not UTF-8 text/ },
};

const tempDir = useTempDirs();
let app: FilesApp;
let databaseFile: string;

beforeEach(async () => {
  app = await openFilesApp(tempDir());
  databaseFile = app.services.databaseFile;
  // Something to keep: a plan already there, which no refused import may touch.
  app.dialogs.answerOpen(join(BAD_PLANS_DIR, 'good.pathway.json'));
  await app.call('import:plans', {});
});
afterEach(() => app.services.close());

async function importFile(path: string): Promise<ImportResult> {
  app.dialogs.answerOpen(path);
  return app.call<ImportResult>('import:plans', {});
}

describe('importing bad plan files', () => {
  const files = readdirSync(BAD_PLANS_DIR)
    .filter((f) => f.endsWith('.json') && !f.startsWith('good.'))
    .sort();

  it('has a corpus of at least 25 files, each with an expectation', () => {
    expect(files.length).toBeGreaterThanOrEqual(25);
    expect(files).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(files)('refuses %s with a message that names the problem and where, and imports nothing', async (file) => {
    const expected = EXPECTED[file]!;
    const before = dumpDatabase(databaseFile);
    const result = await importFile(join(BAD_PLANS_DIR, file));
    expect(result.status).toBe('invalid');
    if (result.status !== 'invalid') return;
    expect(result.fileName).toBe(file);
    const [first] = result.problems;
    expect(first?.path).toBe(expected.path);
    expect(first?.message).toMatch(expected.message);
    if (expected.line !== undefined) expect(first?.line).toBe(expected.line);
    expect(dumpDatabase(databaseFile)).toEqual(before);
  });

  it('gives every file its own message', async () => {
    const messages = new Set<string>();
    for (const file of files) {
      const result = await importFile(join(BAD_PLANS_DIR, file));
      if (result.status === 'invalid') messages.add(`${result.problems[0]!.path} ${result.problems[0]!.message}`);
    }
    expect(messages.size).toBe(files.length);
  });

  it('refuses a file over 5 MB without reading it', async () => {
    const big = join(tempDir(), 'huge.pathway.json');
    writeFileSync(big, `{"format":"pathway-planner/plan","version":1,"plans":[],"padding":"${'x'.repeat(MAX_PLAN_FILE_BYTES)}"}`);
    const before = dumpDatabase(databaseFile);
    const result = await importFile(big);
    expect(result).toMatchObject({ status: 'invalid', problems: [{ path: '$', message: expect.stringMatching(/is 5\.0 MB; a plan file can be at most 5 MB/) }] });
    expect(dumpDatabase(databaseFile)).toEqual(before);
  });

  it('refuses the whole file when only its second plan is bad (all or nothing)', async () => {
    const dir = tempDir();
    const good = JSON.parse(readFileSync(join(BAD_PLANS_DIR, 'good.pathway.json'), 'utf8'));
    const second = { ...good.plans[0], name: 'Second plan', years: 99 };
    const file = join(dir, 'half-good.pathway.json');
    writeFileSync(file, JSON.stringify({ ...good, plans: [{ ...good.plans[0], name: 'First plan' }, second] }));
    const before = dumpDatabase(databaseFile);
    const result = await importFile(file);
    expect(result).toMatchObject({ status: 'invalid', problems: [{ path: '$.plans[1].years' }] });
    expect(dumpDatabase(databaseFile)).toEqual(before);
  });

  it('says so plainly when the chosen file is gone', async () => {
    app.dialogs.answerOpen(join(tempDir(), 'missing.pathway.json'));
    const result = await app.services.invoke('import:plans', {});
    expect(result).toEqual({
      ok: false,
      error: { code: 'internal', message: '"missing.pathway.json" could not be opened. The file is no longer there.' },
    });
  });
});
