/**
 * The guides' salary-by-level tables must come out of the engine exactly: each level's first
 * year, nationwide, all settings, no certifications, full time, today's dollars, no raises.
 */
import { describe, expect, it } from 'vitest';
import type { DataPack } from '../../shared/datapack/schema';
import { indexDataPack, projectPlan } from '../../shared/engine';
import type { Plan } from '../../shared/plan/schema';
import { ladder, packs } from './fixtures/packs';

/** As printed in the guides' "Salary by Experience Level" tables (US median column). */
const GUIDE_LADDERS = {
  'junior-medical-office-assistant': [36000, 42000, 48000, 55000],
  'medical-assistant': [42000, 49000, 55000, 59000],
} as const;

const flat = { inflationPct: 0, realRaisePct: 0, dollars: 'today', band: 'p25-p75' } as const;

function basePlan(role: string, steps: Plan['steps'] = [], years = 1): Plan {
  return {
    name: 'ladder',
    startYear: 2026,
    years,
    start: { role, place: 'US', setting: 'all', hoursPerWeek: 40 },
    steps,
    assumptions: flat,
  };
}

function medianOf(pack: DataPack, roleId: string): number {
  const role = pack.roles.find((r) => r.id === roleId);
  if (!role?.medianPay) throw new Error(`${roleId} has no medianPay`);
  return role.medianPay.value;
}

describe.each(packs)('guide ladders (%s)', (_label, pack) => {
  const index = indexDataPack(pack);

  for (const [entry, guideFigures] of Object.entries(GUIDE_LADDERS)) {
    const roleIds = ladder(pack, entry);

    it(`${entry}: the pack carries the guide's figures`, () => {
      expect(roleIds.map((id) => medianOf(pack, id))).toEqual([...guideFigures]);
    });

    it(`${entry}: each level, started on its own, pays its figure in its first year`, () => {
      for (const [i, roleId] of roleIds.entries()) {
        const year = projectPlan(basePlan(roleId), index).years[0]!;
        expect(year.salary).toBe(medianOf(pack, roleId));
        expect(year.salary).toBe(guideFigures[i]);
        expect(year.warnings).toEqual([]);
      }
    });

    it(`${entry}: climbing the ladder pays each figure in that level's first year`, () => {
      const steps: Plan['steps'] = roleIds
        .slice(1)
        .map((role, i) => ({ type: 'role', role, year: 2026 + 2 * (i + 1) }));
      const projection = projectPlan(
        {
          ...basePlan(roleIds[0]!, steps, 10),
          start: { ...basePlan(roleIds[0]!).start, yearsExperience: 10 },
        },
        index,
      );
      const firstYears = [0, 2, 4, 6].map((i) => projection.years[i]!.salary);
      expect(firstYears).toEqual([...guideFigures]);
      // Raise 0: every other year repeats the level's figure.
      expect(projection.years.map((y) => y.salary)).toEqual(
        [0, 0, 1, 1, 2, 2, 3, 3, 3, 3].map((level) => guideFigures[level]),
      );
    });
  }
});
