/**
 * Runs Electronegativity's programmatic API on one folder and writes its findings, and the files
 * it could not parse, to a JSON file: node run-electronegativity.mjs <input> <output.json> <electron version>
 *
 * Why not the CLI's `-o findings.csv`: it writes the CSV header and the rows with two unsynchronised
 * asynchronous writes (the header's truncates the file), so rows can be lost, and with `-o` it
 * reports no parse errors at all — a file it cannot read would pass silently. The API returns both.
 * Plain JavaScript so it needs no compiler. It exits when done, without waiting for the tool's
 * online look-ups (which fail without a network anyway).
 */
import { writeFileSync } from 'node:fs';
import run from '@doyensec/electronegativity';

const [input, output, electronVersion] = process.argv.slice(2);
if (!input || !output || !electronVersion) {
  console.error('usage: node run-electronegativity.mjs <input> <output.json> <electron version>');
  process.exit(2);
}

run(
  {
    input,
    output: undefined,
    isSarif: false,
    customScan: [],
    excludeFromScan: [],
    severitySet: undefined,
    confidenceSet: undefined,
    isRelative: false,
    isVerbose: true,
    electronUpgrade: undefined,
    electronVersionOverride: electronVersion,
    parserPlugins: [],
  },
  false,
)
  .then((result) => {
    const issues = result.issues.map((issue) => ({
      id: issue.id,
      severity: issue.severity.name,
      confidence: issue.confidence.name,
      file: issue.file,
      line: issue.location ? issue.location.line : null,
      column: issue.location ? issue.location.column : null,
      sample: issue.sample === undefined ? null : issue.sample,
      description: issue.description,
      manualReview: Boolean(issue.manualReview),
    }));
    const report = {
      electronVersion,
      checks: { atomic: result.atomicChecks, global: result.globalChecks },
      issues,
      errors: result.errors,
    };
    writeFileSync(output, `${JSON.stringify(report, null, 2)}\n`);
    process.exit(0);
  })
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
