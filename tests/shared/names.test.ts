import { describe, expect, it } from 'vitest';
import { ClassNameSchema, StudentNameSchema } from '../../shared/ipc/counselor-contract';
import { MAX_PLAN_NAME, PlanNameSchema, ReportStudentNameSchema, StepSchema } from '../../shared/plan/schema';
import { truncateName } from '../../shared/text/names';

const KEPT_AS_TYPED = [
  ['HTML and script', '<img src=x onerror="alert(1)"><script>alert(2)</script>'],
  ['emoji, joined and flagged', 'Nurse 👩🏽‍⚕️ plan 🇺🇸'],
  ['Arabic', 'خطة مساعد طبي'],
  ['Hebrew mixed with numbers', 'תוכנית 2026 MA'],
  ['accents and CJK', 'Plan de Zoë — 医疗助理'],
  ['quotes and SQL', `Robert'); DROP TABLE plans;--`],
] as const;

describe('names people type', () => {
  it.each(KEPT_AS_TYPED)('keeps %s exactly as typed', (_label, name) => {
    for (const schema of [PlanNameSchema, StudentNameSchema, ClassNameSchema, ReportStudentNameSchema]) {
      expect(schema.parse(name)).toBe(name);
    }
  });

  it.each([
    ['a line break', 'First line\nsecond line'],
    ['a tab', 'Tab\there'],
    ['a NUL', 'nul\u0000'],
    ['a C1 control', 'next line\u0085'],
    ['half an emoji (a lone surrogate)', 'broken \uD83D'],
  ])('refuses %s, with a message that says why', (_label, name) => {
    for (const schema of [PlanNameSchema, StudentNameSchema, ClassNameSchema, ReportStudentNameSchema]) {
      const result = schema.safeParse(name);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.code).toBe('invalid_format');
    }
  });

  it('refuses a 10,000-character name and says the limit', () => {
    const result = PlanNameSchema.safeParse('a'.repeat(10_000));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(`must be at most ${MAX_PLAN_NAME} characters`);
    expect(PlanNameSchema.safeParse('a'.repeat(MAX_PLAN_NAME)).success).toBe(true);
  });

  it('trims spaces around a name, and refuses one that is only spaces', () => {
    expect(PlanNameSchema.parse('  My plan  ')).toBe('My plan');
    expect(PlanNameSchema.safeParse(' \u00a0 ').success).toBe(false);
    expect(ReportStudentNameSchema.parse('   ')).toBe('');
  });

  it('lets a step note span lines but not carry half an emoji', () => {
    const step = { type: 'hours', year: 2027, hoursPerWeek: 30 } as const;
    expect(StepSchema.safeParse({ ...step, note: 'line one\nline two 😀' }).success).toBe(true);
    expect(StepSchema.safeParse({ ...step, note: 'broken \uDE00' }).success).toBe(false);
  });
});

describe('truncateName', () => {
  it('leaves a short name alone', () => {
    expect(truncateName('Plan', 10)).toBe('Plan');
  });

  it('never splits an emoji made of several code points', () => {
    const family = '👨‍👩‍👧'; // 8 UTF-16 units
    for (let length = 0; length <= 12; length += 1) {
      const cut = truncateName(`ab${family}cd`, length);
      expect(cut.length).toBeLessThanOrEqual(length);
      expect([...`ab${family}cd`].join('').startsWith(cut)).toBe(true);
      // Either the whole family is there or none of it.
      expect(cut.includes('\u200d') ? cut.includes(family) : true).toBe(true);
      expect(/\p{Cs}/u.test(cut)).toBe(false);
    }
  });

  it('drops a trailing space left by the cut', () => {
    expect(truncateName('Front desk to lead', 11)).toBe('Front desk');
  });
});
