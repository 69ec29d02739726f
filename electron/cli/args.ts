/**
 * Command-line arguments: one command, its positionals, and the few options there are. Unknown
 * commands, options or formats are a UsageError (exit 2 with the usage text).
 */
import { parseArgs } from 'node:util';
import { UsageError } from './io';

export type Format = 'table' | 'csv' | 'json';
export type ListKind = 'roles' | 'places' | 'settings' | 'certifications' | 'programs';

export type Command =
  | { name: 'help' }
  | { name: 'project'; file: string; format: Format; pack?: string }
  | { name: 'compare'; file: string; format: Format; pack?: string }
  | { name: 'validate'; file: string; pack?: string }
  | { name: 'list'; kind: ListKind; format: Format; pack?: string };

const FORMATS: Record<string, readonly Format[]> = {
  project: ['table', 'csv', 'json'],
  compare: ['table', 'json'],
  validate: [],
  list: ['table', 'json'],
};

export const LIST_KINDS: readonly ListKind[] = ['roles', 'places', 'settings', 'certifications', 'programs'];

function one(positionals: readonly string[], command: string, what: string): string {
  if (positionals.length === 0) throw new UsageError(`${command}: missing ${what}`, true);
  if (positionals.length > 1)
    throw new UsageError(`${command}: unexpected argument "${positionals[1]}"`, true);
  return positionals[0]!;
}

export function parseCommand(argv: readonly string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string' },
        pack: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message, true);
  }
  const { values, positionals } = parsed;
  const [name, ...rest] = positionals;
  if (values.help || name === 'help') return { name: 'help' };
  if (name === undefined) throw new UsageError('missing command', true);
  const allowed = FORMATS[name];
  if (!allowed) throw new UsageError(`unknown command "${name}"`, true);

  let format: Format = 'table';
  if (values.format !== undefined) {
    if (!allowed.includes(values.format as Format)) {
      throw new UsageError(
        allowed.length === 0
          ? `${name} takes no --format option`
          : `${name}: --format must be ${allowed.join(', ')} (got "${values.format}")`,
        true,
      );
    }
    format = values.format as Format;
  }
  const pack = values.pack;
  switch (name) {
    case 'project':
    case 'compare':
      return { name, file: one(rest, name, 'plan file'), format, pack };
    case 'validate':
      return { name, file: one(rest, name, 'plan file'), pack };
    default: {
      const kind = one(rest, 'list', `what to list (${LIST_KINDS.join(', ')})`);
      if (!LIST_KINDS.includes(kind as ListKind))
        throw new UsageError(`list: unknown list "${kind}"; choose one of ${LIST_KINDS.join(', ')}`, true);
      return { name: 'list', kind: kind as ListKind, format, pack };
    }
  }
}
