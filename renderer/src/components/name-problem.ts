/**
 * One plain sentence for a name that can't be saved, from the same schema main enforces. Name
 * fields have no `maxLength`: a browser would silently cut a pasted 10,000-character name, and
 * the person would never know their name was changed. They get this sentence instead.
 */
import type { ZodType } from 'zod';

export interface NameWords {
  /** Whose name, to start the sentence: "The plan name", "The student's name". */
  subject: string;
  /** What to say when it is empty: "Give your plan a name." */
  empty: string;
}

export function nameProblem(schema: ZodType, value: string, words: NameWords): string | null {
  const result = schema.safeParse(value);
  if (result.success) return null;
  const issue = result.error.issues[0];
  if (issue?.code === 'too_small') return words.empty;
  if (issue?.code === 'too_big') {
    const length = value.trim().length.toLocaleString('en-US');
    return `${words.subject} is ${length} characters long. Keep it to ${String(issue.maximum)} or fewer.`;
  }
  if (issue?.code === 'invalid_format')
    return `${words.subject} must be one line: take out line breaks and tabs.`;
  return `${words.subject} can't be used: ${issue?.message ?? 'it is not valid'}.`;
}
