/**
 * Reads the builder's inputs from a checkout: every data/raw/*.csv as text and every
 * data/guides/*.json parsed. Kept apart from build.ts so the build itself stays pure.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DataPackInputs } from './build';

export function readDataPackInputs(repoRoot: string): DataPackInputs {
  const rawDir = join(repoRoot, 'data', 'raw');
  const guidesDir = join(repoRoot, 'data', 'guides');
  const raw: Record<string, string> = {};
  for (const name of readdirSync(rawDir)
    .filter((n) => n.endsWith('.csv'))
    .sort()) {
    raw[name] = readFileSync(join(rawDir, name), 'utf8');
  }
  const guides: Record<string, unknown> = {};
  for (const name of readdirSync(guidesDir)
    .filter((n) => n.endsWith('.json'))
    .sort()) {
    try {
      guides[name] = JSON.parse(readFileSync(join(guidesDir, name), 'utf8'));
    } catch (error) {
      throw new Error(`data/guides/${name}: ${(error as Error).message}`, { cause: error });
    }
  }
  return { raw, guides };
}

export function dataPackPath(repoRoot: string): string {
  return join(repoRoot, 'data', 'pack.json');
}
