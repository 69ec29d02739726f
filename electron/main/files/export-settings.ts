/**
 * Small preferences kept in `<data dir>/settings.json` (a JSON file, not the database, so it
 * needs no migration): the last folder each kind of file was saved to or opened from, so a
 * counselor who files PDFs in one folder and plan files on a USB stick is taken back to each.
 * A missing or corrupt file means "no preferences yet"; writes are atomic.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from './atomic-write';

export const SETTINGS_FILE = 'settings.json';

export const FILE_KINDS = ['pdf', 'csv', 'plans', 'import'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

// Loose: keys another part of the app may keep here survive our writes.
const SettingsSchema = z.looseObject({
  lastFolders: z.partialRecord(z.enum(FILE_KINDS), z.string().min(1).max(4096)).default({}),
});
type Settings = z.infer<typeof SettingsSchema>;

export interface ExportSettings {
  /** The folder last used for this kind of file, if it still exists. */
  lastFolder(kind: FileKind): string | undefined;
  remember(kind: FileKind, folder: string): void;
}

export function createExportSettings(dataDir: string): ExportSettings {
  const file = join(dataDir, SETTINGS_FILE);

  const load = (): Settings => {
    try {
      const parsed = SettingsSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      return parsed.success ? parsed.data : { lastFolders: {} };
    } catch {
      return { lastFolders: {} };
    }
  };

  return {
    lastFolder(kind) {
      const folder = load().lastFolders[kind];
      if (!folder) return undefined;
      try {
        return statSync(folder).isDirectory() ? folder : undefined;
      } catch {
        // Unplugged USB stick, deleted folder: the dialog starts in its default place.
        return undefined;
      }
    },
    remember(kind, folder) {
      // Read again just before writing: another kind may have been remembered meanwhile.
      const settings = load();
      if (settings.lastFolders[kind] === folder) return;
      const next = { ...settings, lastFolders: { ...settings.lastFolders, [kind]: folder } };
      try {
        writeFileAtomic(file, `${JSON.stringify(next, null, 2)}\n`);
      } catch (error) {
        // A preference is not worth failing an export for.
        console.warn('[settings] could not remember the folder:', error);
      }
    },
  };
}
