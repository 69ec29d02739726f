/**
 * Reads the bundled data pack from disk and validates it. Used by the main process and the
 * command line; the renderer receives the validated pack over IPC (`datapack:get`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDataPack } from '../../../shared/datapack/check-pack';
import type { DataPack } from '../../../shared/datapack/schema';
import { describeProblems } from '../../../shared/domain/problems';

export class DataPackError extends Error {}

/** `data/pack.json` of the repo in development and tests; the packaged app passes its resources path. */
export function defaultDataPackPath(): string {
  return join(__dirname, '..', '..', '..', 'data', 'pack.json');
}

export function loadDataPack(file: string = defaultDataPackPath()): DataPack {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new DataPackError(`The data pack at ${file} could not be read: ${(error as Error).message}`);
  }
  const checked = checkDataPack(parsed);
  if (!checked.ok) {
    throw new DataPackError(`The data pack at ${file} is not valid:\n${describeProblems(checked.problems)}`);
  }
  return checked.value;
}
