/**
 * The page's only door to the main process: `window.planner`. It forwards; the main process
 * checks the sender and validates every input. With `sandbox: true` this script may only
 * require 'electron', so it imports nothing but types and two small lists.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ChannelOutput, IpcResult, PlannerApi } from '../../shared/ipc/contract';
import { isKnownChannel } from './channels';
import { isMenuAction, MENU_CHANNEL } from '../../shared/ipc/menu-actions';

const api = {
  invoke(channel, input) {
    if (!isKnownChannel(channel)) {
      const refused: IpcResult<never> = {
        ok: false,
        error: { code: 'invalid_input', message: `Unknown channel "${String(channel)}"` },
      };
      return Promise.resolve(refused);
    }
    return ipcRenderer.invoke(channel, input) as Promise<IpcResult<ChannelOutput<typeof channel>>>;
  },

  onMenu(listener) {
    // The IpcRendererEvent stays here: handing it to the page would expose `event.sender`.
    const forward = (_event: IpcRendererEvent, action: unknown) => {
      if (isMenuAction(action)) listener(action);
    };
    ipcRenderer.on(MENU_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(MENU_CHANNEL, forward);
    };
  },
} satisfies PlannerApi;

contextBridge.exposeInMainWorld('planner', api);
