import { describe, expect, it } from 'vitest';
import { channels, ipcContract, isChannel } from '../../shared/ipc/contract';

describe('IPC contract', () => {
  it('names every channel as namespace:verb', () => {
    expect(channels.length).toBeGreaterThan(5);
    for (const channel of channels) expect(channel).toMatch(/^[a-z]+:[a-zA-Z]+$/);
  });

  it('recognises only its own channels, not inherited object keys', () => {
    expect(isChannel('plans:save')).toBe(true);
    expect(isChannel('toString')).toBe(false);
    expect(isChannel('__proto__')).toBe(false);
    expect(isChannel(42)).toBe(false);
  });

  it('rejects extra fields in inputs instead of ignoring them', () => {
    const parsed = ipcContract['plans:get'].input.safeParse({ id: 1, sql: 'drop table plans' });
    expect(parsed.success).toBe(false);
  });
});
