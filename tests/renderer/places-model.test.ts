/** The Places screen's model: the plan projected in each place by the engine, warnings and prices. */
import { describe, expect, it } from 'vitest';
import { loadDataPack } from '../../electron/main/datapack/load-data-pack';
import { indexDataPack, projectPlan } from '../../shared/engine/index';
import { purchasingPowerEquivalent } from '../../shared/places/cost-of-living';
import type { Plan } from '../../shared/plan/schema';
import { planFromTemplate } from '../../shared/templates/plan-from-template';
import {
  addPlace,
  buildPlacesModel,
  defaultPlaces,
  MAX_PLACES,
  netAfterYears,
  planInPlace,
  removePlace,
} from '../../renderer/src/features/places/places-model';

const pack = loadDataPack();
const index = indexDataPack(pack);
const plan: Plan = planFromTemplate(
  pack.templates.find((t) => t.id === 'ma-to-office-coordinator')!,
  pack,
  {
    startYear: 2026,
    place: 'US-OH',
    name: 'Ohio plan',
  },
);

describe('places', () => {
  it('starts with the plan’s own place and the whole U.S.', () => {
    expect(defaultPlaces(plan, index)).toEqual(['US-OH', 'US']);
    expect(defaultPlaces({ ...plan, start: { ...plan.start, place: 'US' } }, index)).toEqual(['US']);
  });

  it('adds up to five places, never twice, and never removes the plan’s own', () => {
    let places = ['US-OH'];
    for (const id of ['US', 'US', 'US-CA', 'US-TX', 'US-NY', 'US-FL']) places = addPlace(places, id);
    expect(places).toEqual(['US-OH', 'US', 'US-CA', 'US-TX', 'US-NY']);
    expect(places).toHaveLength(MAX_PLACES);
    expect(removePlace(places, 'US-CA')).toEqual(['US-OH', 'US', 'US-TX', 'US-NY']);
    expect(removePlace(places, 'US-OH')).toEqual(places);
  });

  it('replaces only the start place', () => {
    const moved = planInPlace(plan, 'US-CA');
    expect(moved.start).toEqual({ ...plan.start, place: 'US-CA' });
    expect(moved.steps).toBe(plan.steps);
  });

  it('projects the plan in each place with the engine, and prices pay at home', () => {
    const model = buildPlacesModel(
      plan,
      ['US', 'US-CA', 'US-CA-san-francisco', 'US-GU', 'GB', 'US-TX'],
      index,
      'today',
    );
    expect(model.home).toBe('US-OH');
    expect(model.rows.map((r) => r.placeId)).toEqual([
      'US-OH',
      'US',
      'US-CA',
      'US-CA-san-francisco',
      'US-GU',
    ]);
    expect(model.rows.map((r) => r.style.letter)).toEqual(['A', 'B', 'C', 'D', 'E']);
    for (const row of model.rows) {
      const projection = projectPlan({ ...plan, start: { ...plan.start, place: row.placeId } }, pack);
      expect(row.projection).toEqual(projection);
      expect(row.atHomePrices).toEqual(
        purchasingPowerEquivalent(projection.years[0]!.salary, row.placeId, 'US-OH', pack),
      );
    }
    expect(model.rows[0]!.home).toBe(true);
    expect(model.rows[0]!.priceLevel).toBeCloseTo(92.774, 3);
    // A city uses its state's wage data and prices, and says so.
    const city = model.rows[3]!;
    expect(city.notes.join(' ')).toMatch(/California/);
    expect(city.priceLevel).toBe(model.rows[2]!.priceLevel);
    // A territory has no BEA price level.
    expect(model.rows[4]!.priceLevel).toBeNull();
    expect(model.rows[4]!.atHomePrices?.value).toBeNull();
    expect(model.moves).toEqual([]);
  });

  it('keeps another currency apart and says when a place has no data for a role', () => {
    const lpn: Plan = { ...plan, start: { ...plan.start, role: 'phlebotomist' }, steps: [] };
    const model = buildPlacesModel(lpn, ['GB', 'US-VI'], index, 'nominal');
    const uk = model.rows.find((r) => r.placeId === 'GB')!;
    expect(uk.otherCurrency).toBe(true);
    expect(uk.currency).toBe('GBP');
    expect(uk.atHomePrices).toBeNull();
    expect(uk.projection?.dollars).toBe('nominal');
    const vi = model.rows.find((r) => r.placeId === 'US-VI')!;
    const warnings = projectPlan(planInPlace(lpn, 'US-VI'), pack).warnings.filter(
      (w) => w.code === 'no-place-data',
    );
    expect(warnings.length).toBeGreaterThan(0);
    expect(vi.notes).toEqual(expect.arrayContaining(warnings.map((w) => w.message)));
    expect(vi.notes.join(' ')).toMatch(/no pay data for Phlebotomist in Virgin Islands/);
  });

  it('says when the plan moves, and gives the money after n years', () => {
    const moving: Plan = { ...plan, steps: [...plan.steps, { type: 'place', place: 'US-TX', year: 2030 }] };
    const model = buildPlacesModel(moving, ['US'], index, 'today');
    expect(model.moves).toEqual([
      'This plan moves to Texas in 2030; from then on every place here follows that move.',
    ]);
    const projection = model.rows[0]!.projection;
    expect(netAfterYears(projection, 5)).toBe(projection!.years[4]!.cumulativeNet);
    expect(netAfterYears(projection, 50)).toBeNull();
    expect(netAfterYears(null, 5)).toBeNull();
  });
});
