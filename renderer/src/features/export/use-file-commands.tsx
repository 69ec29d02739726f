/**
 * Export and import as the app shell uses them: the File menu (`export`, `import`, `print`),
 * the planner's Export buttons and the sidebar's Import button all land here. Owns the dialogs
 * and reports the outcome in a toast. The open plan is saved (flushed) before anything is
 * exported, because exports read the stored plan.
 */
import { useCallback, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { api } from '../../api';
import type { ToastMessage } from '../../components/toast';
import type { PlanSummary } from '../plans-list/plans-list';
import type { ExportKind } from './export-buttons';
import { ExportPlansDialog } from './export-plans-dialog';
import { defaultPaper, fileErrorMessage, filesApi, type ImportResult, type Paper } from './files-api';
import { ImportConflictDialog, ImportProblemsDialog } from './import-dialogs';
import { PdfDialog, type PdfOptions } from './pdf-dialog';

type Open =
  | { kind: 'pdf'; planId: number; initial: PdfOptions }
  | { kind: 'plans'; ids: number[] }
  | { kind: 'problems'; result: Extract<ImportResult, { status: 'invalid' }> }
  | { kind: 'conflict'; result: Extract<ImportResult, { status: 'needs-decision' }> };

export interface FileCommandsOptions {
  selectedId: number | null;
  plans: PlanSummary[];
  /** Saves the open plan's pending edits. */
  flush: () => Promise<void>;
  showToast: (message: Omit<ToastMessage, 'id'>) => void;
  /** New plans from an import, in file order. */
  onImported: (plans: PlanSummary[]) => void;
  /** Whose plans are open (counselor mode); imports go there. The default profile if absent. */
  profileId?: number;
}

export interface FileCommands {
  element: ReactNode;
  /** The planner header's buttons. */
  exportCurrent: (kind: ExportKind) => void;
  startImport: () => void;
  /** Handles a menu command if it is one of ours ('export', 'import', 'print'). */
  onMenu: (command: string) => void;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function useFileCommands(options: FileCommandsOptions): FileCommands {
  // The callbacks below are stable (menu listeners, buttons) and read the latest options here.
  const latest = useRef(options);
  useLayoutEffect(() => {
    latest.current = options;
  });
  const [open, setOpen] = useState<Open | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const lastPaper = useRef<Paper>(defaultPaper(typeof navigator === 'undefined' ? undefined : navigator.language));

  const close = useCallback(() => {
    setOpen(null);
    setError(null);
    setBusy(false);
  }, []);

  const toastSaved = (fileName: string) =>
    latest.current.showToast({ text: `Saved “${fileName}”.`, durationMs: 6000 });
  const toastError = (text: string) => latest.current.showToast({ text, tone: 'error' });

  const needPlan = (): number | null => {
    const id = latest.current.selectedId;
    if (id === null) toastError('Open a plan first, then export it.');
    return id;
  };

  const openPdf = useCallback(async () => {
    const planId = needPlan();
    if (planId === null) return;
    let studentName = '';
    try {
      await latest.current.flush();
      studentName = (await api.plans.get(planId)).plan.studentName ?? '';
    } catch {
      // The dialog still opens; the name field is simply empty.
    }
    setError(null);
    setOpen({ kind: 'pdf', planId, initial: { paper: lastPaper.current, studentName, compareWithId: null } });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const savePdf = async (planId: number, pdf: PdfOptions) => {
    setBusy(true);
    setError(null);
    lastPaper.current = pdf.paper;
    try {
      await latest.current.flush();
      const name = pdf.studentName.trim();
      const saved = await filesApi.exportPdf({
        planId,
        paper: pdf.paper,
        ...(name ? { studentName: name } : {}),
        ...(pdf.compareWithId !== null ? { compareWithId: pdf.compareWithId } : {}),
      });
      if (saved.status === 'saved') {
        close();
        toastSaved(saved.fileName);
      } else {
        setBusy(false);
      }
    } catch (failure) {
      setBusy(false);
      setError(fileErrorMessage(failure, 'making the PDF'));
    }
  };

  const exportCsv = useCallback(async () => {
    const planId = needPlan();
    if (planId === null) return;
    try {
      await latest.current.flush();
      const saved = await filesApi.exportCsv(planId);
      if (saved.status === 'saved') toastSaved(saved.fileName);
    } catch (failure) {
      toastError(fileErrorMessage(failure, 'saving the table'));
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const openExportPlans = useCallback(() => {
    const { plans, selectedId } = latest.current;
    if (plans.length === 0) {
      toastError('There are no plans to save yet.');
      return;
    }
    setError(null);
    setOpen({ kind: 'plans', ids: selectedId === null ? plans.map((p) => p.id) : [selectedId] });
  }, []);

  const savePlans = async (ids: number[]) => {
    setBusy(true);
    setError(null);
    try {
      await latest.current.flush();
      const saved = await filesApi.exportPlans(ids);
      if (saved.status === 'saved') {
        close();
        toastSaved(saved.fileName);
      } else {
        setBusy(false);
      }
    } catch (failure) {
      setBusy(false);
      setError(fileErrorMessage(failure, 'saving the plan file'));
    }
  };

  const finishImport = (result: ImportResult) => {
    switch (result.status) {
      case 'cancelled':
        close();
        return;
      case 'invalid':
        setBusy(false);
        setOpen({ kind: 'problems', result });
        return;
      case 'needs-decision':
        setBusy(false);
        setOpen({ kind: 'conflict', result });
        return;
      case 'imported': {
        close();
        const renamed = result.renamed.length > 0 ? ` (${plural(result.renamed.length, 'plan')} renamed)` : '';
        latest.current.onImported(result.plans);
        latest.current.showToast({
          text: `Imported ${plural(result.plans.length, 'plan')} from “${result.fileName}”${renamed}.`,
          durationMs: 6000,
        });
        return;
      }
    }
  };

  const startImport = useCallback(async () => {
    try {
      await latest.current.flush();
      const profileId = latest.current.profileId;
      finishImport(await filesApi.importPlans(profileId === undefined ? {} : { profileId }));
    } catch (failure) {
      close();
      toastError(fileErrorMessage(failure, 'importing plans'));
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const decide = async (token: string, decision: 'rename' | 'cancel') => {
    setBusy(true);
    try {
      finishImport(await filesApi.importPlans({ token, onConflict: decision }));
    } catch (failure) {
      close();
      toastError(fileErrorMessage(failure, 'importing plans'));
    }
  };

  const exportCurrent = useCallback(
    (kind: ExportKind) => {
      if (kind === 'pdf') void openPdf();
      else if (kind === 'csv') void exportCsv();
      else openExportPlans();
    },
    [openPdf, exportCsv, openExportPlans],
  );

  const onMenu = useCallback(
    (command: string) => {
      if (command === 'print') void openPdf();
      else if (command === 'export') openExportPlans();
      else if (command === 'import') void startImport();
    },
    [openPdf, openExportPlans, startImport],
  );

  const { plans } = options;
  let element: ReactNode = null;
  if (open?.kind === 'pdf') {
    const plan = plans.find((p) => p.id === open.planId);
    element = (
      <PdfDialog
        planName={plan?.name ?? 'this plan'}
        others={plans.filter((p) => p.id !== open.planId).map((p) => ({ id: p.id, name: p.name }))}
        initial={open.initial}
        busy={busy}
        error={error}
        onCancel={close}
        onSave={(pdf) => void savePdf(open.planId, pdf)}
      />
    );
  } else if (open?.kind === 'plans') {
    element = (
      <ExportPlansDialog
        plans={plans.map((p) => ({ id: p.id, name: p.name }))}
        initialIds={open.ids}
        busy={busy}
        error={error}
        onCancel={close}
        onSave={(ids) => void savePlans(ids)}
      />
    );
  } else if (open?.kind === 'problems') {
    element = <ImportProblemsDialog result={open.result} onClose={close} />;
  } else if (open?.kind === 'conflict') {
    const token = open.result.token;
    element = (
      <ImportConflictDialog
        result={open.result}
        busy={busy}
        onRename={() => void decide(token, 'rename')}
        onCancel={() => void decide(token, 'cancel')}
      />
    );
  }

  return { element, exportCurrent, startImport: () => void startImport(), onMenu };
}
