/**
 * The app for the tests of one describe block: started in its beforeAll (with the artifacts
 * folder in place for screenshots) and closed in its afterAll. Kept apart from harness.ts, which
 * the benchmarks load outside vitest.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { ARTIFACTS_DIR, startApp, type App, type StartOptions } from './harness';

/** The returned object is filled in once the app has started: read it in tests and hooks, not while the block is declared. */
export function useApp(options: StartOptions = {}): App {
  const app = {} as App;
  beforeAll(async () => {
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    Object.assign(app, await startApp(options));
  });
  afterAll(async () => {
    await app.close?.();
  });
  return app;
}
