/**
 * Connects the handlers to Electron: one `ipcMain.handle` per contract channel. A call is
 * served only if it comes from one of our windows, from its top frame, showing our app's page;
 * anything else gets `forbidden` and reaches no handler.
 */
import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { channels, type IpcResult } from '../../../shared/ipc/contract';
import type { Invoke } from './handlers';

export interface SenderPolicy {
  isOurWindow: (window: BrowserWindow) => boolean;
  isAppUrl: (url: string) => boolean;
}

export function isTrustedSender(event: IpcMainInvokeEvent, policy: SenderPolicy): boolean {
  const window = BrowserWindow.fromWebContents(event.sender);
  if (!window || !policy.isOurWindow(window)) return false;
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && policy.isAppUrl(frame.url);
}

/** Returns a function that removes the handlers again. */
export function registerIpcHandlers(invoke: Invoke, policy: SenderPolicy): () => void {
  for (const channel of channels) {
    ipcMain.handle(channel, (event, payload): Promise<IpcResult<unknown>> => {
      if (isTrustedSender(event, policy)) return invoke(channel, payload);
      console.warn(`[ipc] refused "${channel}" from ${event.senderFrame?.url ?? 'a closed frame'}`);
      return Promise.resolve({
        ok: false,
        error: {
          code: 'forbidden',
          message: `"${channel}" may only be called by Pathway Planner's own window.`,
        },
      });
    });
  }
  return () => channels.forEach((channel) => ipcMain.removeHandler(channel));
}
