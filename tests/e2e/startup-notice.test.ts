/**
 * A damaged plans file at start, seen from the window: main sets the file aside and starts
 * fresh (no backup exists yet), and the renderer shows main's sentence until it is dismissed.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS_DIR } from './harness';
import { useApp } from './use-app';

describe('startup notice', () => {
  const app = useApp({
    prepareDataDir: (dataDir) =>
      writeFileSync(join(dataDir, 'planner.sqlite'), 'not a database '.repeat(300)),
  });

  it('tells the user once what happened to a damaged plans file, until they dismiss it', async () => {
    const { page } = app;
    expect(app.services.startupNotice, 'main noticed the damage').toMatch(/damaged/);
    await page.goto(app.url);
    const notice = page.getByTestId('startup-notice');
    await notice.waitFor();
    expect(await notice.getAttribute('role')).toBe('alert');
    expect((await notice.innerText()).replace(/\s+/g, ' ')).toContain(app.services.startupNotice!);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'startup-notice.png') });

    await notice.getByRole('button', { name: 'OK, got it' }).click();
    await expect.poll(() => notice.count()).toBe(0);
    expect(app.problems).toEqual([]);
  });
});
