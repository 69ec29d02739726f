/**
 * The file channels, typed, for the export and import screens (the same `call` as api.ts), and
 * the sentence shown when one fails. Main writes file errors for people already ("“Plan.pdf” was
 * not saved. The disk is full…"), so those are shown as they are.
 */
import type { ChannelInput, ChannelOutput } from '../../../../shared/ipc/contract';
import { ApiError, call } from '../../api';

export type SavedFile = ChannelOutput<'export:pdf'>;
export type ImportResult = ChannelOutput<'import:plans'>;
export type Paper = ChannelInput<'export:pdf'>['paper'];

export const filesApi = {
  exportPdf: (input: ChannelInput<'export:pdf'>) => call('export:pdf', input),
  exportCsv: (planId: number) => call('export:csv', { planId }),
  exportPlans: (planIds: number[]) => call('export:plans', { planIds }),
  importPlans: (input: ChannelInput<'import:plans'> = {}) => call('import:plans', input),
};

export function fileErrorMessage(error: unknown, doing: string): string {
  if (error instanceof ApiError) {
    if (error.code === 'unavailable') return error.message;
    if (error.code === 'not_found' && /plan \d+ was not found/i.test(error.message)) {
      return `We couldn't find that plan while ${doing}. It may have been deleted.`;
    }
    if (error.message) return error.message;
  }
  return `Something went wrong while ${doing}. Try again in a moment.`;
}

/** Letter in the Americas where it is the norm, A4 everywhere else. */
export function defaultPaper(language: string | undefined): Paper {
  const region = /[-_]([A-Za-z]{2})\b/.exec(language ?? '')?.[1]?.toUpperCase();
  const letter = ['US', 'CA', 'MX', 'PH', 'CL', 'CO', 'VE', 'GT', 'CR', 'PA', 'DO', 'PR', 'SV', 'NI', 'HN', 'BZ'];
  return region === undefined ? 'letter' : letter.includes(region) ? 'letter' : 'a4';
}
