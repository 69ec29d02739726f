/**
 * The counselor channels, typed: the same `call` as every other screen (api.ts), so failures
 * arrive as ApiError with the contract's code.
 */
import type { ChannelInput, ChannelOutput } from '../../../../shared/ipc/contract';
import { ApiError, call } from '../../api';

type Out<C extends Parameters<typeof call>[0]> = Promise<ChannelOutput<C>>;

export type ClassSummary = ChannelOutput<'classes:list'>[number];
export type ClassRoster = ChannelOutput<'classes:students'>;
export type Student = ClassRoster['students'][number];
export type RosterPreview = ChannelOutput<'roster:preview'>;
export type RosterRow = RosterPreview['rows'][number];
export type BatchStatus = ChannelOutput<'batch:status'>;
export type SessionPrepared = ChannelOutput<'session:prepareEnd'>;
export type SessionEnded = ChannelOutput<'session:end'>;

export const counselorApi = {
  classes: (): Out<'classes:list'> => call('classes:list', {}),
  createClass: (name: string): Out<'classes:create'> => call('classes:create', { name }),
  roster: (classId: number): Out<'classes:students'> => call('classes:students', { classId }),
  addStudent: (input: ChannelInput<'students:create'>): Out<'students:create'> => call('students:create', input),
  deleteStudent: (id: number): Out<'students:delete'> => call('students:delete', { id }),
  previewRoster: (input: ChannelInput<'roster:preview'>): Out<'roster:preview'> => call('roster:preview', input),
  importRoster: (rows: RosterRow[]): Out<'roster:import'> => call('roster:import', { rows }),
  startBatch: (input: ChannelInput<'batch:start'>): Out<'batch:start'> => call('batch:start', input),
  batchStatus: (jobId: string): Out<'batch:status'> => call('batch:status', { jobId }),
  cancelBatch: (jobId: string): Out<'batch:cancel'> => call('batch:cancel', { jobId }),
  prepareEnd: (): Out<'session:prepareEnd'> => call('session:prepareEnd', {}),
  endSession: (token: string): Out<'session:end'> => call('session:end', { token }),
};

/**
 * A sentence for the counselor. Our channels' messages are written for people (a roster line,
 * a folder that is not writable), so they are shown as they are; only unexpected errors get
 * the generic sentence.
 */
export function counselorError(error: unknown, doing: string): string {
  if (error instanceof ApiError && error.code !== 'internal') return error.message;
  if (error instanceof ApiError && !/unexpected error/.test(error.message)) return error.message;
  return `Something went wrong while ${doing}. Try again in a moment.`;
}

/** "just now", "12 min ago", "today 10:42", "yesterday", "May 3" — for "last edit". */
export function lastEdit(iso: string | null, now: Date = new Date()): string {
  if (!iso) return 'No plans yet';
  const when = new Date(iso);
  if (Number.isNaN(when.getTime())) return iso;
  const minutes = Math.round((now.getTime() - when.getTime()) / 60_000);
  if (minutes < 1) return 'Just now';
  if (minutes < 60) return `${minutes} min ago`;
  const sameDay = (a: Date, b: Date) => a.toDateString() === b.toDateString();
  const time = when.toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit' });
  if (sameDay(when, now)) return `Today ${time}`;
  const yesterday = new Date(now);
  yesterday.setDate(now.getDate() - 1);
  if (sameDay(when, yesterday)) return `Yesterday ${time}`;
  return when.toLocaleDateString('en-US', {
    month: 'short',
    day: 'numeric',
    ...(when.getFullYear() === now.getFullYear() ? {} : { year: 'numeric' }),
  });
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}
