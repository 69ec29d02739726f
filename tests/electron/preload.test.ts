import { beforeAll, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: {
    invoke: vi.fn(async () => ({ ok: true, value: 'from main' })),
    on: vi.fn(),
    removeListener: vi.fn(),
  },
}));
vi.mock('electron', () => electron);

import { CHANNELS } from '../../electron/preload/channels';
import type { PlannerApi } from '../../shared/ipc/contract';
import { MENU_ACTIONS } from '../../shared/ipc/menu-actions';
import { ipcContract } from '../../shared/ipc/contract';

let api: PlannerApi;
beforeAll(async () => {
  await import('../../electron/preload/index');
  const [name, exposed] = electron.contextBridge.exposeInMainWorld.mock.calls[0];
  expect(name).toBe('planner');
  api = exposed as PlannerApi;
});

describe('preload', () => {
  it("lists exactly the contract's channels, in order", () => {
    expect([...CHANNELS]).toEqual(Object.keys(ipcContract));
  });

  it('exposes invoke and onMenu only', () => {
    expect(Object.keys(api).sort()).toEqual(['invoke', 'onMenu']);
  });

  it('forwards a known channel to ipcRenderer.invoke', async () => {
    await expect(api.invoke('plans:get', { id: 3 })).resolves.toEqual({ ok: true, value: 'from main' });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith('plans:get', { id: 3 });
  });

  it('answers an unknown channel itself, without IPC', async () => {
    electron.ipcRenderer.invoke.mockClear();
    const result = await api.invoke('shell:openExternal' as never, {} as never);
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'Unknown channel "shell:openExternal"' },
    });
    expect(electron.ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('passes only known menu actions to the listener, never the IPC event', () => {
    const listener = vi.fn();
    const stop = api.onMenu(listener);
    const [channel, forward] = electron.ipcRenderer.on.mock.calls[0] as unknown as [
      string,
      (event: unknown, action: unknown) => void,
    ];
    expect(channel).toBe('menu');
    forward({ sender: 'secret' }, 'new-plan');
    forward({ sender: 'secret' }, 'format-disk');
    expect(listener.mock.calls).toEqual([['new-plan']]);
    stop();
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledWith('menu', forward);
    expect(MENU_ACTIONS).toContain('new-plan');
  });
});
