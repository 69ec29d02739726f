/**
 * Save and open dialogs for tests: each call takes the next queued answer (a path, or null for
 * "Cancel") and records what it was asked, so a test can check the title, the suggested name
 * and the remembered folder.
 */
import type { FileDialogs, OpenDialogRequest, SaveDialogRequest } from '../../../electron/main/files/platform';

export interface FakeDialogs extends FileDialogs {
  /** Queue the answer of the next save dialog. */
  answerSave(path: string | null): void;
  /** Queue the answer of the next open dialog. */
  answerOpen(path: string | null): void;
  saves: SaveDialogRequest[];
  opens: OpenDialogRequest[];
}

export function fakeDialogs(): FakeDialogs {
  const saveAnswers: Array<string | null> = [];
  const openAnswers: Array<string | null> = [];
  const saves: SaveDialogRequest[] = [];
  const opens: OpenDialogRequest[] = [];
  const next = (queue: Array<string | null>, kind: string): string | null => {
    if (queue.length === 0) throw new Error(`No answer queued for the ${kind} dialog`);
    return queue.shift()!;
  };
  return {
    saves,
    opens,
    answerSave: (path) => saveAnswers.push(path),
    answerOpen: (path) => openAnswers.push(path),
    showSave: async (request) => {
      saves.push(request);
      return next(saveAnswers, 'save');
    },
    showOpen: async (request) => {
      opens.push(request);
      return next(openAnswers, 'open');
    },
  };
}
