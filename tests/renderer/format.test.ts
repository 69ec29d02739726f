import { describe, expect, it } from 'vitest';
import {
  formatMoney,
  formatMoneyCompact,
  formatMoneyRange,
  formatMonths,
  formatPercent,
  numberInputText,
  parseNumberInput,
  yearSpan,
} from '../../renderer/src/features/planner/format';
import { uniquePlanName } from '../../renderer/src/features/plans-list/names';

describe('money', () => {
  it('formats whole dollars with separators and never shows NaN', () => {
    expect(formatMoney(42000)).toBe('$42,000');
    expect(formatMoney(1234567.6)).toBe('$1,234,568');
    expect(formatMoney(0)).toBe('$0');
    expect(formatMoney(-1500)).toBe('-$1,500');
    expect(formatMoney(Number.NaN)).toBe('—');
    expect(formatMoney(Number.POSITIVE_INFINITY)).toBe('—');
    expect(formatMoney(null)).toBe('—');
    expect(formatMoney(undefined)).toBe('—');
  });

  it('formats other currencies with their own symbol', () => {
    expect(formatMoney(42000, 'CAD')).toBe('CA$42,000');
    expect(formatMoney(42000, 'GBP')).toBe('£42,000');
  });

  it('compacts for chart axes and shows ranges', () => {
    expect(formatMoneyCompact(45000)).toBe('$45K');
    expect(formatMoneyCompact(1_250_000)).toBe('$1.3M');
    expect(formatMoneyRange(5000, 15000)).toBe('$5,000–$15,000');
    expect(formatMoneyRange(300, 300)).toBe('$300');
  });
});

describe('percent, months and years', () => {
  it('formats percentages with a real minus sign and an optional plus', () => {
    expect(formatPercent(7.1, true)).toBe('+7.1%');
    expect(formatPercent(7.14)).toBe('7.1%');
    expect(formatPercent(-3)).toBe('−3%');
    expect(formatPercent(0, true)).toBe('0%');
    expect(formatPercent(Number.NaN)).toBe('—');
  });

  it('formats months and year spans', () => {
    expect(formatMonths(1, 1)).toBe('1 month');
    expect(formatMonths(6, 12)).toBe('6–12 months');
    expect(yearSpan(2026, 10)).toBe('2026–2035');
    expect(yearSpan(2026, 1)).toBe('2026–2026');
  });
});

describe('number inputs', () => {
  it('parses what people type', () => {
    expect(parseNumberInput('40')).toBe(40);
    expect(parseNumberInput(' $1,500 ')).toBe(1500);
    expect(parseNumberInput('2.5%')).toBe(2.5);
    expect(parseNumberInput('-3')).toBe(-3);
    expect(parseNumberInput('−3')).toBe(-3);
    expect(parseNumberInput('.5')).toBe(0.5);
    expect(parseNumberInput('')).toBeNull();
    expect(parseNumberInput('   ')).toBeNull();
    expect(parseNumberInput('forty')).toBeNaN();
    expect(parseNumberInput('4o')).toBeNaN();
    expect(parseNumberInput('1.2.3')).toBeNaN();
  });

  it('shows numbers back without grouping, and nothing for missing values', () => {
    expect(numberInputText(1500)).toBe('1500');
    expect(numberInputText(undefined)).toBe('');
    expect(numberInputText(Number.NaN)).toBe('');
  });
});

describe('plan names', () => {
  it('suggests "My plan", then numbers it', () => {
    expect(uniquePlanName([])).toBe('My plan');
    expect(uniquePlanName(['Other'])).toBe('My plan');
    expect(uniquePlanName(['My plan'])).toBe('My plan 2');
    expect(uniquePlanName(['my plan', 'My plan 2'])).toBe('My plan 3');
  });
});
