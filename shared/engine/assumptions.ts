/**
 * The assumptions a projection runs on: the plan's own values where it sets them, else the data
 * pack's defaults. The list of overridden names lets the UI say "you changed this".
 */
import type { DataPack } from '../datapack/schema';
import type { Assumptions } from '../plan/schema';

export type AssumptionName = 'inflationPct' | 'realRaisePct' | 'band' | 'dollars';

export interface ResolvedAssumptions {
  inflationPct: number;
  realRaisePct: number;
  band: 'p25-p75' | 'p10-p90';
  dollars: 'today' | 'nominal';
  /** Shared between projections (read-only). */
  overridden: readonly AssumptionName[];
}

/** Used when neither the plan nor the pack says: a middle band, in today's dollars. */
export const DEFAULT_BAND = 'p25-p75';
export const DEFAULT_DOLLARS = 'today';

const NO_ASSUMPTIONS: Assumptions = Object.freeze({});

/** In this order; each bit of an index into OVERRIDDEN stands for one name. */
const NAMES: readonly AssumptionName[] = ['inflationPct', 'realRaisePct', 'band', 'dollars'];

/**
 * Every possible list of overridden names, built once: a projection runs on every keystroke and
 * needs only to point at one, not build it.
 */
const OVERRIDDEN: ReadonlyArray<readonly AssumptionName[]> = Array.from(
  { length: 1 << NAMES.length },
  (_, bits) => Object.freeze(NAMES.filter((_, i) => bits & (1 << i))),
);

export function resolveAssumptions(
  planAssumptions: Assumptions | undefined,
  defaults: DataPack['defaults'],
): ResolvedAssumptions {
  const own = planAssumptions ?? NO_ASSUMPTIONS;
  const overridden =
    OVERRIDDEN[
      (own.inflationPct !== undefined ? 1 : 0) |
        (own.realRaisePct !== undefined ? 2 : 0) |
        (own.band !== undefined ? 4 : 0) |
        (own.dollars !== undefined ? 8 : 0)
    ]!;
  return {
    inflationPct: own.inflationPct ?? defaults.inflationPct.value,
    realRaisePct: own.realRaisePct ?? defaults.realRaisePct.value,
    band: own.band ?? DEFAULT_BAND,
    dollars: own.dollars ?? DEFAULT_DOLLARS,
    overridden,
  };
}
