import type { IpcMainInvokeEvent } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  ipcMain: { handle: vi.fn(), removeHandler: vi.fn() },
  BrowserWindow: { fromWebContents: vi.fn() },
}));
vi.mock('electron', () => electron);

import { PRINT_WINDOW_CHANNELS, registerIpcHandlers } from '../../electron/main/ipc/register';
import { ipcContract } from '../../shared/ipc/contract';

const APP = 'file:///opt/pp/out/renderer/index.html';
const ourWindow = { id: 1 };
const ourContents = { id: 10 };
const printWindow = { id: 3 };
const printContents = { id: 30 };

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
    contents === ourContents ? ourWindow : contents === printContents ? printWindow : null,
  );
  registerIpcHandlers(invoke, {
    channelsFor: (window) =>
      window === (ourWindow as never)
        ? 'all'
        : window === (printWindow as never)
          ? PRINT_WINDOW_CHANNELS
          : null,
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

  it('lets a print window read its report and the data pack, and nothing else', async () => {
    const print = event({ contents: printContents });
    await expect(handlers.get('report:get')!(print, { planId: 1 })).resolves.toEqual({
      ok: true,
      value: 'report:get',
    });
    await expect(handlers.get('datapack:get')!(print, {})).resolves.toEqual({ ok: true, value: 'datapack:get' });
    const refused = ['plans:save', 'plans:delete', 'plans:list', 'app:info', 'export:pdf', 'session:end', 'students:delete'];
    for (const channel of refused) {
      await expect(handlers.get(channel)!(print, {})).resolves.toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
    expect(invoke).toHaveBeenCalledTimes(2);
    expect([...PRINT_WINDOW_CHANNELS].sort()).toEqual(['datapack:get', 'report:get']);
  });

  it('can remove its handlers again', () => {
    const unregister = registerIpcHandlers(invoke, { channelsFor: () => 'all', isAppUrl: () => true });
    unregister();
    expect(electron.ipcMain.removeHandler.mock.calls.map(([channel]) => channel).sort()).toEqual(
      Object.keys(ipcContract).sort(),
    );
  });
});
