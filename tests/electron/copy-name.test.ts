import { describe, expect, it } from 'vitest';
import { copyName } from '../../electron/main/db/copy-name';

describe('copyName', () => {
  it('adds "(copy)", then counts up past names already taken', () => {
    expect(copyName('Nursing', ['Nursing'])).toBe('Nursing (copy)');
    expect(copyName('Nursing', ['Nursing', 'Nursing (copy)'])).toBe('Nursing (copy 2)');
    expect(copyName('Nursing', ['Nursing', 'nursing (COPY)', 'Nursing (copy 2)'])).toBe('Nursing (copy 3)');
  });

  it('counts on from the original when copying a copy', () => {
    expect(copyName('Nursing (copy)', ['Nursing', 'Nursing (copy)'])).toBe('Nursing (copy 2)');
    expect(copyName('Nursing (copy 2)', ['Nursing', 'Nursing (copy)', 'Nursing (copy 2)'])).toBe(
      'Nursing (copy 3)',
    );
  });

  it('stays within the name limit without splitting an emoji', () => {
    const long = `${'a'.repeat(112)}🩺xyz`;
    const name = copyName(long, [long], 120);
    expect(name.length).toBeLessThanOrEqual(120);
    expect(name).toBe(`${'a'.repeat(112)} (copy)`);
  });
});
