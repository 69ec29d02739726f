import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeProblems, jsonPath, problemsFromZod } from '../../shared/domain/problems';

describe('jsonPath', () => {
  it('writes array indexes in brackets and keys after dots', () => {
    expect(jsonPath(['plans', 0, 'steps', 12, 'year'])).toBe('$.plans[0].steps[12].year');
    expect(jsonPath([])).toBe('$');
  });
});

describe('problemsFromZod', () => {
  it('names the path of every failing field', () => {
    const schema = z.object({ a: z.array(z.object({ b: z.number() })) });
    const result = schema.safeParse({ a: [{ b: 1 }, { b: 'x' }] });
    expect(result.success).toBe(false);
    if (result.success) return;
    const problems = problemsFromZod(result.error);
    expect(problems.map((p) => p.path)).toEqual(['$.a[1].b']);
    expect(describeProblems(problems)).toMatch(/^\$\.a\[1\]\.b: /);
  });
});
