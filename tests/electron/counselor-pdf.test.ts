import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTestDatabase } from './helpers/database';
import { fakeDialogs } from './helpers/fake-dialogs';
import { samplePlan, tinyPack } from './helpers/fixtures';
import { useTempDirs } from './helpers/temp-dir';
import { createCounselorHandlers } from '../../electron/main/services/classes-handlers';
import { combinePdfs, pdfPageCount, pdfTextString, PdfCombineError } from '../../electron/main/services/batch-export-pdf';
import { createPlansRepository } from '../../electron/main/db/plans-repository';
import { tinyPdf } from './counselor-pdf-fixture';

const tempDir = useTempDirs();
const createdAt = new Date('2026-05-04T10:00:00Z');

/** Starts like a PDF but keeps its cross-reference in a stream (PDF 1.5), which the combiner does not read. */
function xrefStreamPdf(): Uint8Array {
  return new Uint8Array(Buffer.from('%PDF-1.5\n1 0 obj\n<</Type /XRef /Size 1 /W [1 1 1]>>\nstream\n\nendstream\nendobj\nstartxref\n9\n%%EOF\n', 'latin1'));
}

describe('combinePdfs', () => {
  it('appends every page in order, with a bookmark per part and the title', () => {
    const dir = tempDir();
    const combined = combinePdfs(
      [
        { pdf: tinyPdf('First report'), title: 'Ana Ruiz — Plan one' },
        { pdf: tinyPdf('Second report'), title: 'Zoë O’Brien — Plan (two)' },
        { pdf: tinyPdf('Third report'), title: 'Con — Plan three' },
      ],
      { title: 'Period 2 — all plans', createdAt },
    );
    expect(pdfPageCount(combined)).toBe(3);
    const file = join(dir, 'combined.pdf');
    writeFileSync(file, combined);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text.indexOf('First report')).toBeLessThan(text.indexOf('Second report'));
    expect(text.indexOf('Second report')).toBeLessThan(text.indexOf('Third report'));
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Title:\s+Period 2 — all plans/);
    expect(info).toMatch(/Pages:\s+3/);
    // pdfinfo is strict about the cross-reference table: no "Syntax Error" on stderr.
    const strict = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(strict.status).toBe(0);
    expect(strict.stderr).toBe('');
    // Combining a combined file works too (its pages are found through the new tree).
    expect(pdfPageCount(combinePdfs([{ pdf: combined, title: 'All' }, { pdf: tinyPdf('x'), title: 'x' }], { title: 't', createdAt }))).toBe(4);
  });

  it('writes bookmark titles as PDF text strings: ASCII as a literal, anything else as UTF-16', () => {
    expect(pdfTextString('Plan (A) \\ B')).toBe('(Plan \\(A\\) \\\\ B)');
    expect(pdfTextString('Zoë')).toBe('<FEFF005A006F00EB>');
  });

  it('names the part it cannot read', () => {
    expect(() =>
      combinePdfs([{ pdf: tinyPdf('ok'), title: 'Good' }, { pdf: xrefStreamPdf(), title: 'Ben — Odd' }], { title: 't', createdAt }),
    ).toThrow(PdfCombineError);
    expect(() => combinePdfs([{ pdf: xrefStreamPdf(), title: 'Ben — Odd' }], { title: 't', createdAt })).toThrow(
      /"Ben — Odd" could not be added to the combined PDF: its cross-reference is a stream/,
    );
    expect(() => combinePdfs([{ pdf: new Uint8Array(Buffer.from('hello')), title: 'Not one' }], { title: 't', createdAt })).toThrow(
      /not a PDF/,
    );
    expect(() => combinePdfs([], { title: 't', createdAt })).toThrow(/nothing to combine/);
  });

  it('in a batch, writes the reports of a student as separate files when they cannot be combined', async () => {
    const dir = tempDir();
    const { db } = await openTestDatabase(dir);
    try {
      const dialogs = fakeDialogs();
      const counselor = createCounselorHandlers({
        db,
        dataPack: tinyPack(),
        clock: () => createdAt,
        dataDir: dir,
        platform: {
          dialogs,
          renderPdf: async (route) => (route.includes('planId=2&') ? xrefStreamPdf() : tinyPdf(route)),
        },
      });
      const { handlers } = counselor;
      const group = await handlers['classes:create']({ name: 'P2' });
      const ana = await handlers['students:create']({ classId: group.id, name: 'Ana Ruiz' });
      const plans = createPlansRepository(db);
      plans.create(ana.id, samplePlan({ name: 'Ana one' }));
      plans.create(ana.id, samplePlan({ name: 'Ana two' }));
      const folder = join(dir, 'out');
      dialogs.answerSave(folder);
      const started = await handlers['batch:start']({ classId: group.id, layout: 'per-student' });
      if (started.status !== 'chosen') throw new Error('cancelled');
      const status = await counselor.batch.settled(started.jobId);
      expect(status.state).toBe('done');
      expect(status.failed).toEqual([]);
      expect(readdirSync(folder).sort()).toEqual(['Ana Ruiz - Ana one.pdf', 'Ana Ruiz - Ana two.pdf']);
    } finally {
      db.close();
    }
  });
});
