import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataPackSchema, type DataPack } from '../../../shared/datapack/schema';
import type { Plan } from '../../../shared/plan/schema';

export const TINY_PACK_PATH = join(__dirname, '..', 'fixtures', 'tiny-pack.json');

export function tinyPack(): DataPack {
  return DataPackSchema.parse(JSON.parse(readFileSync(TINY_PACK_PATH, 'utf8')));
}

export function samplePlan(overrides: Partial<Plan> = {}): Plan {
  return {
    name: 'Become a medical assistant',
    startYear: 2026,
    years: 10,
    start: { role: 'medical-assistant', place: 'US', setting: 'all', hoursPerWeek: 40 },
    steps: [{ type: 'hours', hoursPerWeek: 32, year: 2027 }],
    ...overrides,
  };
}
