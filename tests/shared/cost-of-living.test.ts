/**
 * Purchasing power between places with the BEA regional price parities in the pack. Expected
 * values are amount × RPP(to) ÷ RPP(from), worked out here from the figures in
 * data/raw/rpp_state_2024.csv (California 110.720, Ohio 92.774, U.S. 100.000).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDataPack } from '../../shared/datapack/check-pack';
import type { DataPack } from '../../shared/datapack/schema';
import { indexDataPack } from '../../shared/engine';
import { purchasingPowerEquivalent, purchasingPowerSentence } from '../../shared/places/cost-of-living';

const packText = readFileSync(join(__dirname, '..', '..', 'data', 'pack.json'), 'utf8');
const checked = checkDataPack(JSON.parse(packText));
if (!checked.ok) throw new Error('data/pack.json is not valid');
const pack: DataPack = checked.value;
const rpp = (placeId: string): number => {
  const level = pack.priceLevels.find((p) => p.placeId === placeId && p.year === 2024);
  if (!level) throw new Error(`no RPP for ${placeId}`);
  return level.rppAllItems;
};

describe('purchasingPowerEquivalent', () => {
  it('California to Ohio: the amount that buys the same in Ohio, with both parities and the source', () => {
    expect([rpp('US-CA'), rpp('US-OH'), rpp('US')]).toEqual([110.72, 92.774, 100]);
    const result = purchasingPowerEquivalent(54000, 'US-CA', 'US-OH', pack);
    expect(result).toEqual({
      value: expect.closeTo((54000 * 92.774) / 110.72, 9),
      fromRpp: 110.72,
      toRpp: 92.774,
      sourceId: 'bea-rpp-2024',
      year: 2024,
    });
    // 54,000 × 92.774 ÷ 110.72 = 5,009,796 ÷ 110.72 = 45,247.43…
    expect(result.value).toBeGreaterThan(45247.4);
    expect(result.value).toBeLessThan(45247.5);
  });

  it('the nation is 100, and the same place gives the same amount', () => {
    expect(purchasingPowerEquivalent(54000, 'US', 'US-CA', pack).value).toBeCloseTo(54000 * 1.1072, 9);
    expect(purchasingPowerEquivalent(54000, 'US-OH', 'US-OH', pack).value).toBe(54000);
  });

  it('there and back again returns the amount', () => {
    const there = purchasingPowerEquivalent(50000, 'US-NY', 'US-MS', pack).value as number;
    expect(purchasingPowerEquivalent(there, 'US-MS', 'US-NY', pack).value).toBeCloseTo(50000, 6);
  });

  it('a city uses its state’s parity', () => {
    const result = purchasingPowerEquivalent(66508, 'US-CA-soledad', 'US-OH', pack);
    expect(result).toMatchObject({ fromRpp: rpp('US-CA'), toRpp: rpp('US-OH') });
    expect(result.value).toBeCloseTo((66508 * 92.774) / 110.72, 9);
    expect(purchasingPowerEquivalent(1000, 'US-AK-nome', 'US', pack)).toMatchObject({
      fromRpp: rpp('US-AK'),
      toRpp: 100,
    });
  });

  it('gives no value, with a reason, outside the states and DC', () => {
    const abroad = purchasingPowerEquivalent(54000, 'US-CA', 'MX', pack);
    expect(abroad.value).toBeNull();
    expect(abroad).toHaveProperty('reason', expect.stringContaining('Mexico is outside the U.S.'));
    expect(purchasingPowerEquivalent(54000, 'GB', 'US', pack)).toHaveProperty(
      'reason',
      expect.stringContaining('United Kingdom'),
    );
    const territory = purchasingPowerEquivalent(54000, 'US-PR', 'US-OH', pack);
    expect(territory).toEqual({
      value: null,
      reason: 'BEA publishes no price level for Puerto Rico, so prices there cannot be compared.',
    });
    expect(purchasingPowerEquivalent(1, 'US', 'US-ZZ', pack)).toEqual({
      value: null,
      reason: 'The data pack has no place "US-ZZ".',
    });
  });

  it('uses the newest year both places have, and says when they share none', () => {
    const older = JSON.parse(packText) as DataPack;
    older.priceLevels.push({ placeId: 'US-OH', year: 2023, rppAllItems: 90, sourceId: 'bea-rpp-2024' });
    older.priceLevels.push({ placeId: 'US-CA', year: 2023, rppAllItems: 120, sourceId: 'bea-rpp-2024' });
    expect(purchasingPowerEquivalent(1200, 'US-CA', 'US-OH', older)).toMatchObject({
      year: 2024,
      toRpp: 92.774,
    });
    older.priceLevels = older.priceLevels.filter((p) => !(p.placeId === 'US-OH' && p.year === 2024));
    expect(purchasingPowerEquivalent(1200, 'US-CA', 'US-OH', older)).toMatchObject({
      year: 2023,
      value: 900,
    });

    const none = JSON.parse(packText) as DataPack;
    none.priceLevels = none.priceLevels.filter((p) => p.placeId !== 'US-OH');
    expect(purchasingPowerEquivalent(1, 'US-CA', 'US-OH', none)).toEqual({
      value: null,
      reason: 'The data pack has no price level for Ohio.',
    });
  });

  it('accepts a built index as well as the pack', () => {
    expect(purchasingPowerEquivalent(54000, 'US-CA', 'US-OH', indexDataPack(pack))).toEqual(
      purchasingPowerEquivalent(54000, 'US-CA', 'US-OH', pack),
    );
  });
});

describe('purchasingPowerSentence', () => {
  it('says it in whole dollars with thousands separators', () => {
    expect(purchasingPowerSentence(54000, 'US-CA', 'US-OH', pack)).toBe(
      '$54,000 in California buys what $45,247 buys in Ohio.',
    );
    // 54,000 × 100 ÷ 92.774 = 58,205.96…
    expect(purchasingPowerSentence(54000, 'US-OH', 'US', pack)).toBe(
      '$54,000 in Ohio buys what $58,206 buys in the United States.',
    );
  });

  it('says which state’s prices a city uses', () => {
    // 66,508 × 92.774 ÷ 110.72 = 55,728.08…
    expect(purchasingPowerSentence(66508, 'US-CA-soledad', 'US-OH', pack)).toBe(
      "$66,508 in Soledad, CA buys what $55,728 buys in Ohio (using California's prices for Soledad, CA).",
    );
  });

  it('gives the reason when there is no answer', () => {
    expect(purchasingPowerSentence(54000, 'US-CA', 'US-PR', pack)).toBe(
      'BEA publishes no price level for Puerto Rico, so prices there cannot be compared.',
    );
  });
});
