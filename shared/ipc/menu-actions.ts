/**
 * Menu commands the renderer carries out. Main sends one of these on MENU_CHANNEL to the
 * focused window; the preload passes it to the page's `onMenu` listener after checking it is
 * on this list. Shared by main (menu.ts) and the preload, so both agree.
 */
export const MENU_CHANNEL = 'menu';

export const MENU_ACTIONS = [
  'new-plan',
  'import',
  'export',
  'print',
  'help-projections',
  'help-sources',
] as const;

export type MenuAction = (typeof MENU_ACTIONS)[number];

export function isMenuAction(value: unknown): value is MenuAction {
  return typeof value === 'string' && (MENU_ACTIONS as readonly string[]).includes(value);
}
