/**
 * The assumptions a projection runs on: the plan's own values where it sets them, else the data
 * pack's defaults. The list of overridden names lets the UI say "you changed this".
 */
import type { DataPack } from '../datapack/schema';
import type { Assumptions } from '../plan/schema';

export interface ResolvedAssumptions {
  inflationPct: number;
  realRaisePct: number;
  band: 'p25-p75' | 'p10-p90';
  dollars: 'today' | 'nominal';
  overridden: Array<'inflationPct' | 'realRaisePct' | 'band' | 'dollars'>;
}

/** Used when neither the plan nor the pack says: a middle band, in today's dollars. */
export const DEFAULT_BAND = 'p25-p75';
export const DEFAULT_DOLLARS = 'today';

export function resolveAssumptions(
  planAssumptions: Assumptions | undefined,
  defaults: DataPack['defaults'],
): ResolvedAssumptions {
  const own = planAssumptions ?? {};
  const overridden: ResolvedAssumptions['overridden'] = [];
  if (own.inflationPct !== undefined) overridden.push('inflationPct');
  if (own.realRaisePct !== undefined) overridden.push('realRaisePct');
  if (own.band !== undefined) overridden.push('band');
  if (own.dollars !== undefined) overridden.push('dollars');
  return {
    inflationPct: own.inflationPct ?? defaults.inflationPct.value,
    realRaisePct: own.realRaisePct ?? defaults.realRaisePct.value,
    band: own.band ?? DEFAULT_BAND,
    dollars: own.dollars ?? DEFAULT_DOLLARS,
    overridden,
  };
}
