/**
 * The main window's size, position and maximized state, kept in `<data dir>/window-state.json`.
 * A missing, corrupt or out-of-range file is ignored (the window opens at the default size); a
 * position that is no longer on any screen (a monitor was unplugged) is dropped.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

export const WINDOW_STATE_FILE = 'window-state.json';

const WindowStateSchema = z.strictObject({
  width: z.number().int().min(400).max(16_384),
  height: z.number().int().min(300).max(16_384),
  x: z.number().int().min(-32_768).max(32_767).optional(),
  y: z.number().int().min(-32_768).max(32_767).optional(),
  isMaximized: z.boolean(),
});

export type WindowState = z.infer<typeof WindowStateSchema>;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 860, isMaximized: false };

export function loadWindowState(file: string): WindowState {
  try {
    const parsed = WindowStateSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : DEFAULT_WINDOW_STATE;
  } catch {
    return DEFAULT_WINDOW_STATE;
  }
}

/** Written to a temporary file and renamed over the old one, so a crash never leaves half a file. */
export function saveWindowState(file: string, state: WindowState): void {
  const parsed = WindowStateSchema.safeParse(state);
  if (!parsed.success) return;
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(parsed.data, null, 2)}\n`, 'utf8');
  renameSync(temporary, file);
}

/** Keeps the remembered position only if the window's top strip (where one drags it) is on a screen. */
export function placeOnScreen(state: WindowState, workAreas: readonly Rect[]): WindowState {
  if (state.x === undefined || state.y === undefined) return state;
  const titleBar: Rect = { x: state.x, y: state.y, width: state.width, height: 32 };
  if (workAreas.some((area) => overlaps(titleBar, area, 48))) return state;
  return { width: state.width, height: state.height, isMaximized: state.isMaximized };
}

function overlaps(a: Rect, b: Rect, minimum: number): boolean {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width >= minimum && height > 0;
}
