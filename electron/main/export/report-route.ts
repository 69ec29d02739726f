/**
 * One report as the print page (renderer/src/features/print/print-params.ts) reads it from its
 * address, and the check that what the printer gave back is a PDF. Shared by the single export
 * (services/file-service.ts) and the class export (services/batch-export.ts).
 */
import type { Paper } from '../files/platform';

export interface ReportRequest {
  planId: number;
  paper: Paper;
  /** The date printed on the report, YYYY-MM-DD in the user's time zone. */
  date: string;
  studentName?: string;
  compareWithId?: number;
}

export function reportRoute(report: ReportRequest): string {
  const query = new URLSearchParams({ planId: String(report.planId), paper: report.paper, date: report.date });
  if (report.studentName) query.set('student', report.studentName);
  if (report.compareWithId !== undefined) query.set('compareWithId', String(report.compareWithId));
  return `print.html?${query.toString()}`;
}

/** True when the bytes start like a PDF file (a printer failing quietly gives back something else). */
export function isPdf(bytes: Uint8Array): boolean {
  return bytes.length > 5 && Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-';
}
