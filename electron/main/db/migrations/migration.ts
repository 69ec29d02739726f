/** One step of the schema's history. Versions start at 1 and have no gaps. */
export interface Migration {
  version: number;
  /** Short kebab-case description, used in logs, errors and backup names. */
  name: string;
  sql: string;
}
