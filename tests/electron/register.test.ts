import type { IpcMainInvokeEvent } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  ipcMain: { handle: vi.fn(), removeHandler: vi.fn() },
  BrowserWindow: { fromWebContents: vi.fn() },
}));
vi.mock('electron', () => electron);

import { registerIpcHandlers } from '../../electron/main/ipc/register';
import { ipcContract } from '../../shared/ipc/contract';

const APP = 'file:///opt/pp/out/renderer/index.html';
const ourWindow = { id: 1 };
const ourContents = { id: 10 };

function event(
  options: { contents?: object; url?: string; parent?: object | null; frame?: null } = {},
): IpcMainInvokeEvent {
  const senderFrame =
    options.frame === null ? null : { url: options.url ?? APP, parent: options.parent ?? null };
  return { sender: options.contents ?? ourContents, senderFrame } as unknown as IpcMainInvokeEvent;
}

const invoke = vi.fn(async (channel: unknown) => ({ ok: true as const, value: channel }));
let handlers: Map<string, (event: IpcMainInvokeEvent, payload: unknown) => Promise<unknown>>;

beforeEach(() => {
  vi.clearAllMocks();
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  electron.BrowserWindow.fromWebContents.mockImplementation((contents) =>
    contents === ourContents ? ourWindow : null,
  );
  registerIpcHandlers(invoke, {
    isOurWindow: (window) => window === (ourWindow as never),
    isAppUrl: (url) => url.startsWith(APP),
  });
  handlers = new Map(electron.ipcMain.handle.mock.calls.map(([channel, handler]) => [channel, handler]));
});

describe('registerIpcHandlers', () => {
  it('registers exactly one handler per contract channel', () => {
    expect([...handlers.keys()].sort()).toEqual(Object.keys(ipcContract).sort());
  });

  it('passes calls from our window and page to the handlers', async () => {
    await expect(handlers.get('plans:list')!(event(), { profileId: 1 })).resolves.toEqual({
      ok: true,
      value: 'plans:list',
    });
    expect(invoke).toHaveBeenCalledWith('plans:list', { profileId: 1 });
  });

  it.each([
    ['a web contents that is not one of our windows', event({ contents: { id: 99 } })],
    ['our window showing another page', event({ url: 'https://example.com/' })],
    ['a frame inside our page', event({ parent: { url: APP } })],
    ['a frame that has gone away', event({ frame: null })],
  ])('refuses %s with forbidden, reaching no handler', async (_label, from) => {
    await expect(handlers.get('plans:delete')!(from, { id: 1 })).resolves.toEqual({
      ok: false,
      error: {
        code: 'forbidden',
        message: `"plans:delete" may only be called by Pathway Planner's own window.`,
      },
    });
    expect(invoke).not.toHaveBeenCalled();
  });

  it('refuses a window that exists but is not ours', async () => {
    electron.BrowserWindow.fromWebContents.mockReturnValue({ id: 2 });
    await expect(handlers.get('app:info')!(event(), {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('can remove its handlers again', () => {
    const unregister = registerIpcHandlers(invoke, { isOurWindow: () => true, isAppUrl: () => true });
    unregister();
    expect(electron.ipcMain.removeHandler.mock.calls.map(([channel]) => channel).sort()).toEqual(
      Object.keys(ipcContract).sort(),
    );
  });
});
