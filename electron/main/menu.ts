/**
 * The application menu as data. Commands the page carries out (new plan, import, export,
 * print, help pages) are sent to the focused window as a MenuAction; the rest are Electron roles.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuAction } from '../../shared/ipc/menu-actions';

export interface MenuOptions {
  appName: string;
  isMac: boolean;
  /** Adds reload and developer tools. */
  isDev: boolean;
  send: (action: MenuAction) => void;
}

export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const { appName, isMac, isDev, send } = options;
  const command = (label: string, action: MenuAction, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => send(action),
  });

  const appMenu: MenuItemConstructorOptions = {
    label: appName,
    submenu: [
      { role: 'about' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };

  const fileMenu: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      command('New plan', 'new-plan', 'CmdOrCtrl+N'),
      command('Import…', 'import', 'CmdOrCtrl+O'),
      command('Export…', 'export', 'CmdOrCtrl+E'),
      { type: 'separator' },
      command('Print…', 'print', 'CmdOrCtrl+P'),
      { type: 'separator' },
      // On macOS Quit lives in the app menu; File ends with Close Window there.
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };

  const editMenu: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };

  const viewMenu: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      ...(isDev
        ? ([
            { role: 'reload' },
            { role: 'forceReload' },
            { role: 'toggleDevTools' },
            { type: 'separator' },
          ] as const)
        : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };

  const helpMenu: MenuItemConstructorOptions = {
    role: 'help',
    label: '&Help',
    submenu: [command('How projections work', 'help-projections'), command('Sources', 'help-sources')],
  };

  return [
    ...(isMac ? [appMenu] : []),
    fileMenu,
    editMenu,
    viewMenu,
    ...(isMac ? [{ role: 'windowMenu' } as const] : []),
    helpMenu,
  ];
}
