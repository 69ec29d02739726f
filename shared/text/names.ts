/**
 * Names people type (plans, students, classes): what they may contain and how to shorten one.
 * Any script, emoji and right-to-left text are welcome and stored exactly as typed; control
 * characters (line breaks, tabs, NUL…) are refused, because a name is one line everywhere it
 * shows — the plan list, a PDF title, a file name. Lengths count UTF-16 units, as the database
 * and every `maxLength` do, so an emoji counts as two.
 */
import { z } from 'zod';

/**
 * No C0/C1 control characters (Unicode category Cc), and no lone surrogate (Cs): half an emoji
 * can't be written as UTF-8, so SQLite would store U+FFFD (the replacement character) instead
 * of what was sent.
 */
export const NO_CONTROL_CHARACTERS = /^[^\p{Cc}\p{Cs}]*$/u;

/** Free text (a step's note) may span lines, but must be whole characters, for the same reason. */
export const NO_LONE_SURROGATES = /^[^\p{Cs}]*$/u;

export interface NameRules {
  max: number;
  /** The zod messages, worded to follow the field's name ("The plan name must not be empty"). */
  empty: string;
  tooLong: string;
  control: string;
}

/** A trimmed, non-empty, single-line name of at most `max` characters. */
export function nameSchema(rules: NameRules) {
  return z
    .string()
    .trim()
    .min(1, rules.empty)
    .max(rules.max, rules.tooLong)
    .regex(NO_CONTROL_CHARACTERS, rules.control);
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Cuts `text` to at most `length` UTF-16 units at a character boundary as a person sees it, so
 * an emoji (even a family of several joined code points) or an accented letter is never split.
 */
export function truncateName(text: string, length: number): string {
  if (text.length <= length) return text;
  let end = 0;
  for (const { index, segment } of graphemes.segment(text)) {
    if (index + segment.length > length) break;
    end = index + segment.length;
  }
  return text.slice(0, end).trimEnd();
}
