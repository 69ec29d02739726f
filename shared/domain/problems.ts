/**
 * One way to report what is wrong with some input: a JSON path and a plain sentence.
 * Used by the data-pack loader, plan files, the command line and IPC replies alike.
 */
import type { z } from 'zod';

export interface Problem {
  /** JSON path of the offending value, e.g. `$.plans[0].steps[2].year`. */
  path: string;
  message: string;
}

export function jsonPath(segments: ReadonlyArray<PropertyKey>): string {
  return segments.reduce<string>(
    (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : `${acc}.${String(key)}`),
    '$',
  );
}

export function problemsFromZod(error: z.ZodError): Problem[] {
  return error.issues.map((issue) => ({ path: jsonPath(issue.path), message: issue.message }));
}

export function describeProblems(problems: readonly Problem[]): string {
  return problems.map((p) => `${p.path}: ${p.message}`).join('\n');
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };
