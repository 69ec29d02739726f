/** The print page's address as main writes it is exactly what the print page reads back. */
import { describe, expect, it } from 'vitest';
import { isPdf, reportRoute } from '../../electron/main/export/report-route';
import { parsePrintParams } from '../../renderer/src/features/print/print-params';

const queryOf = (route: string): string => {
  expect(route.startsWith('print.html?')).toBe(true);
  return route.slice('print.html'.length);
};

describe('reportRoute', () => {
  it.each([
    { planId: 3, paper: 'a4', date: '2026-05-04' },
    { planId: 12, paper: 'letter', date: '2026-11-23', studentName: 'Ana Ruiz & José "Pepe" Núñez', compareWithId: 7 },
    { planId: 1, paper: 'letter', date: '2026-01-01', studentName: 'Ana? #1 = 100%' },
  ] as const)('round-trips through the print page: %o', (report) => {
    expect(parsePrintParams(queryOf(reportRoute(report)))).toEqual({ ok: true, value: report });
  });

  it('leaves out an empty student name and a missing comparison', () => {
    const route = reportRoute({ planId: 5, paper: 'letter', date: '2026-05-04', studentName: '' });
    expect(route).toBe('print.html?planId=5&paper=letter&date=2026-05-04');
  });
});

describe('isPdf', () => {
  it('accepts bytes that start like a PDF and refuses anything else', () => {
    const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));
    expect(isPdf(bytes('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n'))).toBe(true);
    expect(isPdf(bytes('%PDF-'))).toBe(false);
    expect(isPdf(bytes('<html>error</html>'))).toBe(false);
    expect(isPdf(new Uint8Array())).toBe(false);
  });
});
