/**
 * Reads a .pathway.json file and checks it against the schema and the data pack. Anything wrong
 * (unreadable, not JSON, not a plan file, unknown ids) becomes a UsageError whose message has one
 * problem per line as `<json path>: <why>`.
 */
import type { DataPackIndex } from '../../shared/engine/data-pack-index';
import { describeProblems } from '../../shared/domain/problems';
import { checkPlanFile } from '../../shared/plan/check-plan';
import type { PlanFile } from '../../shared/plan/schema';
import type { CliIo } from './io';
import { UsageError } from './io';

export function readPlanFile(io: CliIo, file: string, index: DataPackIndex): PlanFile {
  let text: string;
  try {
    text = io.readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      code === 'ENOENT' ? `${file}: no such file` : `${file}: cannot be read (${(error as Error).message})`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`$: ${file} is not JSON (${(error as Error).message})`);
  }
  const checked = checkPlanFile(json, index);
  if (!checked.ok) throw new UsageError(describeProblems(checked.problems));
  return checked.value;
}
