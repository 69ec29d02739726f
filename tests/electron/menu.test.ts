import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate } from '../../electron/main/menu';

vi.mock('electron', () => {
  throw new Error('menu.ts must not load electron at runtime');
});

const build = (options: { isMac?: boolean; isDev?: boolean } = {}) => {
  const send = vi.fn();
  const template = buildMenuTemplate({
    appName: 'Pathway Planner',
    isMac: false,
    isDev: false,
    send,
    ...options,
  });
  return { template, send };
};

const submenu = (template: MenuItemConstructorOptions[], label: string) =>
  template.find((item) => item.label?.replace('&', '') === label)?.submenu as MenuItemConstructorOptions[];
const labelled = (items: MenuItemConstructorOptions[]) => items.filter((item) => item.label);

describe('application menu', () => {
  it('has File commands with their shortcuts, sent to the page', () => {
    const { template, send } = build();
    const file = submenu(template, 'File');
    expect(labelled(file).map((item) => [item.label, item.accelerator])).toEqual([
      ['New plan', 'CmdOrCtrl+N'],
      ['Import…', 'CmdOrCtrl+O'],
      ['Export…', 'CmdOrCtrl+E'],
      ['Print…', 'CmdOrCtrl+P'],
    ]);
    expect(file.at(-1)).toEqual({ role: 'quit' });
    for (const item of labelled(file)) (item.click as () => void)();
    expect(send.mock.calls.flat()).toEqual(['new-plan', 'import', 'export', 'print']);
  });

  it('has Edit roles, and Help pages sent to the page', () => {
    const { template, send } = build();
    expect(submenu(template, 'Edit').flatMap((item) => (item.role ? [item.role] : []))).toEqual([
      'undo',
      'redo',
      'cut',
      'copy',
      'paste',
      'selectAll',
    ]);
    const help = submenu(template, 'Help');
    expect(help.map((item) => item.label)).toEqual(['How projections work', 'Sources']);
    help.forEach((item) => (item.click as () => void)());
    expect(send.mock.calls.flat()).toEqual(['help-projections', 'help-sources']);
  });

  it('offers reload and developer tools only in development', () => {
    const roles = (isDev: boolean) => submenu(build({ isDev }).template, 'View').map((item) => item.role);
    expect(roles(false)).not.toContain('reload');
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).toEqual(expect.arrayContaining(['resetZoom', 'zoomIn', 'zoomOut']));
    expect(roles(true)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools', 'zoomIn']));
  });

  it('follows macOS conventions on a Mac', () => {
    const { template } = build({ isMac: true });
    expect(template[0].label).toBe('Pathway Planner');
    expect(submenu(template, 'File').at(-1)).toEqual({ role: 'close' });
    expect(template.some((item) => item.role === 'windowMenu')).toBe(true);
  });
});
