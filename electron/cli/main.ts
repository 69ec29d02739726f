/**
 * The command line behind `npm run -s plan -- <command>`. `main` takes its arguments and its
 * I/O as parameters and returns the exit code, so tests call it directly.
 */
import { readFileSync } from 'node:fs';
import type { DataPack } from '../../shared/datapack/schema';
import { indexDataPack } from '../../shared/engine/data-pack-index';
import type { DataPackIndex } from '../../shared/engine/data-pack-index';
import { loadDataPack } from '../main/datapack/load-data-pack';
import type { Command } from './args';
import { parseCommand } from './args';
import { runCompare } from './command-compare';
import { runList } from './command-list';
import { runProject } from './command-project';
import type { CliIo } from './io';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, UsageError } from './io';
import { readPlanFile } from './read-plan-file';
import { USAGE } from './usage';

export const nodeIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: (path) => readFileSync(path, 'utf8'),
};

/** Thrown when the data pack cannot be loaded: our problem, not the user's (exit 1). */
class PackLoadError extends Error {}

function loadIndex(packFile: string | undefined, loadPack: (file?: string) => DataPack): DataPackIndex {
  try {
    return indexDataPack(loadPack(packFile));
  } catch (error) {
    throw new PackLoadError((error as Error).message);
  }
}

function run(
  command: Exclude<Command, { name: 'help' }>,
  io: CliIo,
  loadPack: (file?: string) => DataPack,
): string {
  const index = loadIndex(command.pack, loadPack);
  switch (command.name) {
    case 'list':
      return runList(index, command.kind, command.format);
    case 'validate': {
      const file = readPlanFile(io, command.file, index);
      return `valid: ${file.plans.length} plan${file.plans.length === 1 ? '' : 's'}`;
    }
    case 'project':
      return runProject(readPlanFile(io, command.file, index), index, command.format);
    case 'compare':
      return runCompare(readPlanFile(io, command.file, index), index, command.format);
  }
}

export function main(
  argv: readonly string[],
  io: CliIo = nodeIo,
  loadPack: (file?: string) => DataPack = loadDataPack,
): number {
  try {
    const command = parseCommand(argv);
    if (command.name === 'help') {
      io.stdout(`${USAGE}\n`);
      return EXIT_OK;
    }
    io.stdout(`${run(command, io, loadPack)}\n`);
    return EXIT_OK;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${error.message}\n${error.showUsage ? `\n${USAGE}\n` : ''}`);
      return EXIT_USAGE;
    }
    if (error instanceof PackLoadError) {
      io.stderr(`${error.message}\n`);
      return EXIT_FAILURE;
    }
    io.stderr(
      `Unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return EXIT_FAILURE;
  }
}
