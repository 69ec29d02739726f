/**
 * `export:pdf` starts loading the print page before it asks where to save (Platform.preparePdf),
 * so a new page loads while the user is in the dialog; the report printed afterwards is the same
 * route. A cancelled dialog prints nothing.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAppServices, type AppServices } from '../../../electron/main/app-services';
import type { PdfRenderOptions } from '../../../electron/main/files/platform';
import { pathwayPlan } from '../../e2e/fixtures/report-plans';
import { fakeDialogs, type FakeDialogs } from '../helpers/fake-dialogs';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
let services: AppServices;
let dialogs: FakeDialogs;
const events: string[] = [];
const prepared: string[] = [];
const printed: Array<{ route: string; options: PdfRenderOptions }> = [];

beforeEach(async () => {
  events.length = 0;
  prepared.length = 0;
  printed.length = 0;
  const base = fakeDialogs();
  dialogs = {
    ...base,
    showSave: (request) => {
      events.push('dialog');
      return base.showSave(request);
    },
  };
  services = await openAppServices({
    dataDir: join(tempDir(), 'data'),
    appVersion: 'test',
    clock: () => new Date('2026-05-04T15:00:00'),
    platform: {
      dialogs,
      preparePdf: (route) => {
        events.push('prepare');
        prepared.push(route);
      },
      renderPdf: async (route, options) => {
        events.push('print');
        printed.push({ route, options });
        return new TextEncoder().encode('%PDF-1.7 fake');
      },
    },
  });
});

afterEach(() => services.close());

async function planId(): Promise<number> {
  const result = await services.invoke('plans:create', { plan: pathwayPlan() });
  if (!result.ok) throw new Error(result.error.message);
  return (result.value as { id: number }).id;
}

describe('export:pdf and the print page', () => {
  it('starts loading the print page before the save dialog opens, and prints that same route', async () => {
    const id = await planId();
    dialogs.answerSave(join(tempDir(), 'report.pdf'));
    const result = await services.invoke('export:pdf', {
      planId: id,
      paper: 'a4',
      studentName: 'Jordan Rivera',
    });
    expect(result.ok).toBe(true);
    expect(events).toEqual(['prepare', 'dialog', 'print']);
    expect(prepared).toEqual([`print.html?planId=${id}&paper=a4&date=2026-05-04&student=Jordan+Rivera`]);
    expect(printed.map((p) => p.route)).toEqual(prepared);
  });

  it('prints nothing when the dialog is cancelled (the prepared page is kept for the next report)', async () => {
    const id = await planId();
    dialogs.answerSave(null);
    const result = await services.invoke('export:pdf', { planId: id, paper: 'letter' });
    expect(result).toEqual({ ok: true, value: { status: 'cancelled' } });
    expect(events).toEqual(['prepare', 'dialog']);
  });
});
