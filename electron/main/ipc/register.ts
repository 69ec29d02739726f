/**
 * Connects the handlers to Electron: one `ipcMain.handle` per contract channel. A call is
 * served only if it comes from one of our windows, from its top frame, showing our app's page,
 * on a channel that window may use; anything else gets `forbidden` and reaches no handler.
 */
import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { channels, type Channel, type IpcResult } from '../../../shared/ipc/contract';
import type { Invoke } from './handlers';

/**
 * A hidden print window only reads what it prints, the plans of its report and the data pack
 * (public figures, no one's data): it may not save, delete or export.
 */
export const PRINT_WINDOW_CHANNELS: ReadonlySet<Channel> = new Set<Channel>(['report:get', 'datapack:get']);

export interface SenderPolicy {
  /** The channels a window may call: all (the app's window), a few (a print window), or null (not ours). */
  channelsFor: (window: BrowserWindow) => 'all' | ReadonlySet<Channel> | null;
  isAppUrl: (url: string) => boolean;
}

export function isTrustedSender(event: IpcMainInvokeEvent, policy: SenderPolicy, channel: Channel): boolean {
  const window = BrowserWindow.fromWebContents(event.sender);
  const allowed = window ? policy.channelsFor(window) : null;
  if (allowed === null || (allowed !== 'all' && !allowed.has(channel))) return false;
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && policy.isAppUrl(frame.url);
}

/** Returns a function that removes the handlers again. */
export function registerIpcHandlers(invoke: Invoke, policy: SenderPolicy): () => void {
  for (const channel of channels) {
    ipcMain.handle(channel, (event, payload): Promise<IpcResult<unknown>> => {
      if (isTrustedSender(event, policy, channel)) return invoke(channel, payload);
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
