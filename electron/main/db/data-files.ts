/**
 * The names of what the app keeps in its data folder, in one place, so the end-of-session wipe
 * removes exactly what start-up, backups and repairs create.
 */

/** The plans database, directly in the data folder. */
export const DATABASE_FILE = 'planner.sqlite';
/** Automatic backups of it (backup.ts), in a folder of the data folder. */
export const BACKUPS_FOLDER = 'backups';
/** A damaged plans file set aside by recover.ts (`planner-damaged-<time>.sqlite`), with its SQLite side files. */
export const DAMAGED_COPY = /^planner-damaged-.*\.sqlite(?:-wal|-shm|-journal)?$/;
