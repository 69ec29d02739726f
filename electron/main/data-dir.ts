/**
 * Where the app keeps its database, backups and window state. Pure: the shell passes in
 * argv, env and the file-system probe, so every rule below is unit-tested.
 *
 * Order: `--data-dir <path>` / `--data-dir=<path>` > `PATHWAY_PLANNER_DATA_DIR` > portable
 * (a `portable` file next to the executable, or electron-builder's Windows portable build)
 * → `<exe dir>/PathwayPlannerData` > the app's userData folder.
 */
import { dirname, isAbsolute, join, resolve } from 'node:path';

export const DATA_DIR_FLAG = '--data-dir';
export const DATA_DIR_ENV = 'PATHWAY_PLANNER_DATA_DIR';
export const PORTABLE_MARKER = 'portable';
export const PORTABLE_DATA_FOLDER = 'PathwayPlannerData';

export type DataDirReason = 'argument' | 'environment' | 'portable' | 'user-data';

export interface DataDirInputs {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  /** The folder the user sees the executable in (see `executableDir`). */
  exeDir: string;
  exists: (path: string) => boolean;
  /** Electron's `app.getPath('userData')`. */
  userData: string;
  /** Relative `--data-dir` and env paths resolve against this. */
  cwd: string;
}

export interface ResolvedDataDir {
  dir: string;
  reason: DataDirReason;
}

export class DataDirError extends Error {}

export function resolveDataDir(inputs: DataDirInputs): ResolvedDataDir {
  const fromArgument = dataDirArgument(inputs.argv);
  if (fromArgument !== undefined) return { dir: absolute(fromArgument, inputs.cwd), reason: 'argument' };

  const fromEnv = inputs.env[DATA_DIR_ENV]?.trim();
  if (fromEnv) return { dir: absolute(fromEnv, inputs.cwd), reason: 'environment' };

  // electron-builder's Windows "portable" target is portable by nature: no marker needed.
  const portableHome =
    inputs.env.PORTABLE_EXECUTABLE_DIR ||
    (inputs.exists(join(inputs.exeDir, PORTABLE_MARKER)) ? inputs.exeDir : undefined);
  if (portableHome) return { dir: join(portableHome, PORTABLE_DATA_FOLDER), reason: 'portable' };

  return { dir: inputs.userData, reason: 'user-data' };
}

/**
 * The folder the user put the app in. The Windows portable build runs from a temporary
 * extraction folder and an AppImage from a read-only mount, so their real homes come from env.
 */
export function executableDir(exePath: string, env: Readonly<Record<string, string | undefined>>): string {
  if (env.PORTABLE_EXECUTABLE_DIR) return env.PORTABLE_EXECUTABLE_DIR;
  if (env.APPIMAGE) return dirname(env.APPIMAGE);
  return dirname(exePath);
}

/** The value of the last `--data-dir` given (so a later flag overrides an earlier one). */
function dataDirArgument(argv: readonly string[]): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === DATA_DIR_FLAG) {
      value = argv[i + 1];
      if (value === undefined || value.startsWith('--') || value.trim() === '') throw missingValue();
      i += 1;
    } else if (arg.startsWith(`${DATA_DIR_FLAG}=`)) {
      value = arg.slice(DATA_DIR_FLAG.length + 1);
      if (value.trim() === '') throw missingValue();
    }
  }
  return value;
}

function missingValue(): DataDirError {
  return new DataDirError(
    `${DATA_DIR_FLAG} needs a folder, for example: ${DATA_DIR_FLAG} "/path/to/PathwayPlannerData"`,
  );
}

function absolute(path: string, cwd: string): string {
  const trimmed = path.trim();
  return isAbsolute(trimmed) ? trimmed : resolve(cwd, trimmed);
}
