/** Injected wherever a timestamp is written, so tests control time. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** Timestamps are stored as ISO 8601 UTC text: sortable as strings, readable in the sqlite3 shell. */
export function timestamp(clock: Clock): string {
  return clock().toISOString();
}
