/**
 * Turns a failed contract parse into one `invalid_input` error that names the field:
 * `plan.steps[0].year: must be within the plan's years 2026–2035`, with `path` as a JSON path.
 */
import type { z } from 'zod';
import type { IpcError } from '../../../shared/ipc/contract';
import { jsonPath } from '../../../shared/domain/problems';

export function invalidInputError(error: z.ZodError): IpcError {
  const [first, ...rest] = error.issues;
  // A field we do not know is reported at that field, not at the object holding it.
  const unknownKey = first.code === 'unrecognized_keys';
  const path = jsonPath(unknownKey ? [...first.path, first.keys[0]] : first.path);
  const message = unknownKey ? 'is not a field Pathway Planner knows' : first.message;
  const field = path === '$' ? 'input' : path.replace(/^\$\.?/, '');
  const more = rest.length === 0 ? '' : ` (and ${rest.length} more problem${rest.length === 1 ? '' : 's'})`;
  return { code: 'invalid_input', message: `${field}: ${message}${more}`, path };
}
