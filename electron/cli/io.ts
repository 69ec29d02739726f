/**
 * Where the command line writes. Injected, so tests can run `main` in-process and read what it
 * printed without spawning a shell.
 */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): string;
}

/** Exit codes: 0 done; 1 something broke on our side (e.g. the data pack); 2 bad command or bad input. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** An error the user can fix (bad arguments, a file that is not a plan file); exits 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly showUsage = false,
  ) {
    super(message);
  }
}
