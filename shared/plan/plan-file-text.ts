/**
 * Plan files as text: writing one (`planFileText`) and reading one back with every check a file
 * from another computer needs (`readPlanFileText`): JSON syntax with line and column, the
 * format and its version (a newer file says so), the schema, every id against the data pack, and
 * no two plans with the same name. The result is all or nothing: a file with any problem yields
 * no plans, only problems, each naming where it is (a JSON path, and a line and column for
 * syntax). The byte-size limit is checked before reading, by the caller (MAX_PLAN_FILE_BYTES).
 */
import type { DataPack } from '../datapack/schema';
import type { Problem } from '../domain/problems';
import type { DataPackIndex } from '../engine/data-pack-index';
import { checkPlanFile } from './check-plan';
import { findJsonSyntaxProblem } from './json-syntax';
import { PLAN_FORMAT, PLAN_FORMAT_VERSION, PlanFileSchema, type Plan, type PlanFile } from './schema';

/** Larger files are refused unread: a plan file of 200 plans of 200 steps is well under 5 MB. */
export const MAX_PLAN_FILE_BYTES = 5 * 1024 * 1024;
export const PLAN_FILE_EXTENSION = '.pathway.json';

/** A problem in a file: the JSON path, and for a syntax error the line and column too. */
export interface FileProblem extends Problem {
  line?: number;
  column?: number;
}

export type ReadPlanFileResult = { ok: true; value: PlanFile } | { ok: false; problems: FileProblem[] };

export function toPlanFile(plans: readonly Plan[]): PlanFile {
  return PlanFileSchema.parse({ format: PLAN_FORMAT, version: PLAN_FORMAT_VERSION, plans });
}

/** The file's text: indented JSON with a final newline, so it diffs and emails well. */
export function planFileText(plans: readonly Plan[]): string {
  return `${JSON.stringify(toPlanFile(plans), null, 2)}\n`;
}

const fail = (...problems: FileProblem[]): ReadPlanFileResult => ({ ok: false, problems });

export function readPlanFileText(text: string, pack: DataPack | DataPackIndex): ReadPlanFileResult {
  // A byte-order mark (Notepad adds one) is not part of the JSON.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return fail({ path: '$', message: 'the file is empty; a plan file is JSON text' });

  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    const syntax = findJsonSyntaxProblem(body);
    const at = syntax ?? { path: '$', line: 1, column: 1, message: 'is not valid JSON' };
    return fail({
      path: at.path,
      line: at.line,
      column: at.column,
      message: `is not valid JSON: line ${at.line}, column ${at.column}: ${at.message}`,
    });
  }
  // JSON.parse keeps the last of two equal keys; the file would not mean what it shows.
  const duplicateKey = findJsonSyntaxProblem(body);
  if (duplicateKey) {
    return fail({
      path: duplicateKey.path,
      line: duplicateKey.line,
      column: duplicateKey.column,
      message: `${duplicateKey.message} (line ${duplicateKey.line}, column ${duplicateKey.column})`,
    });
  }

  const envelope = envelopeProblem(json);
  if (envelope) return fail(envelope);

  const checked = checkPlanFile(json, pack);
  if (!checked.ok) return fail(...checked.problems);

  const duplicates = duplicateNames(checked.value.plans);
  if (duplicates.length > 0) return fail(...duplicates);
  return checked;
}

/** Problems with what the file is, before its contents: said once, plainly, instead of as schema noise. */
function envelopeProblem(json: unknown): FileProblem | null {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    const what = Array.isArray(json) ? 'a list' : json === null ? 'null' : `a ${typeof json}`;
    return {
      path: '$',
      message: `is ${what}, not a plan file (a plan file is an object: { "format": "${PLAN_FORMAT}", "version": ${PLAN_FORMAT_VERSION}, "plans": [ … ] })`,
    };
  }
  const record = json as Record<string, unknown>;
  if (!('format' in record)) {
    return { path: '$.format', message: `is missing, so this is not a Pathway Planner plan file (expected "format": "${PLAN_FORMAT}")` };
  }
  if (record.format !== PLAN_FORMAT) {
    return {
      path: '$.format',
      message: `is ${JSON.stringify(record.format)}, so this is not a Pathway Planner plan file (expected "${PLAN_FORMAT}")`,
    };
  }
  const version = record.version;
  if (typeof version === 'number' && Number.isInteger(version) && version > PLAN_FORMAT_VERSION) {
    return {
      path: '$.version',
      message: `is ${version}: the file was made by a newer version of Pathway Planner, and this one reads plan files up to version ${PLAN_FORMAT_VERSION}. Update Pathway Planner to import it.`,
    };
  }
  return null;
}

/** Two plans with the same name (ignoring case and spaces around it) in one file. */
function duplicateNames(plans: readonly Plan[]): FileProblem[] {
  const first = new Map<string, number>();
  const problems: FileProblem[] = [];
  plans.forEach((plan, index) => {
    const key = plan.name.trim().toLocaleLowerCase();
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, index);
    else
      problems.push({
        path: `$.plans[${index}].name`,
        message: `"${plan.name}" is also the name of $.plans[${earlier}]; each plan in a file needs its own name`,
      });
  });
  return problems;
}
