/**
 * Explains one projected year: the factors its salary is built from, each with where it comes
 * from. Pure, so it is unit-tested under Node; `year-breakdown.tsx` renders it.
 */
import { yearGrowth } from '../../../../shared/engine/growth';
import type { Projection, ProjectionYear } from '../../../../shared/engine/types';
import { formatMoney } from './format';
import { describeFigure, describeSource, type Lookup } from './pack-lookup';

export interface BreakdownRow {
  label: string;
  /** "$42,000" for the base, "× 1.06" for a factor. */
  value: string;
  source: string;
}

function times(factor: number): string {
  return `× ${Number(factor.toFixed(3)).toString()}`;
}

/** The source sentence for every figure behind one year's salary. */
export function explainYear(lookup: Lookup, projection: Projection, year: ProjectionYear): BreakdownRow[] {
  const f = year.factors;
  const growth = yearGrowth(projection, year);
  const currency = projection.currency;
  const rows: BreakdownRow[] = [];
  const role = lookup.role(year.role);
  rows.push({
    label: `${role?.title ?? year.role}, full-time pay`,
    value: formatMoney(f.baseRate, currency),
    source: f.baseSourceId
      ? describeSource(lookup.source(f.baseSourceId))
      : 'Assumption: no published pay figure',
  });
  rows.push({
    label: `Place: ${lookup.placeName(year.place)}`,
    value: times(f.place),
    source: f.placeSourceId ? describeSource(lookup.source(f.placeSourceId)) : 'No adjustment (U.S. level)',
  });
  rows.push({
    label: `Work setting: ${lookup.settingName(year.setting)}`,
    value: times(f.setting),
    source: f.settingSourceId
      ? describeSource(lookup.source(f.settingSourceId))
      : 'No adjustment (all settings)',
  });
  if (year.certifications.length > 0 || f.certification !== 1) {
    const certs = year.certifications
      .map((id) => lookup.pack.certifications.find((c) => c.id === id))
      .filter((c) => c !== undefined);
    rows.push({
      label: `Certifications: ${certs.map((c) => c.abbreviation).join(', ') || 'none'}`,
      value: times(f.certification),
      source:
        certs.map((c) => `${c.abbreviation}: ${describeFigure(lookup, c.payChangePct)}`).join('; ') ||
        'Your own setting',
    });
  }
  if (f.hours !== 1) {
    rows.push({
      label: `Hours: ${year.hoursPerWeek} a week of 40`,
      value: times(f.hours),
      source: 'Pay scaled to the hours worked',
    });
  }
  if (f.keptPay !== 1) {
    rows.push({
      label: 'Pay kept from the role before',
      value: times(f.keptPay),
      source: 'Pay is never cut by a move up: the earlier rate is kept',
    });
  }
  if (growth.raise !== 1) {
    const own = projection.assumptions.overridden.includes('realRaisePct');
    rows.push({
      label: 'Raises in this role',
      value: times(growth.raise),
      source: own
        ? 'Your own setting (Assumptions)'
        : describeFigure(lookup, lookup.pack.defaults.realRaisePct),
    });
  }
  if (growth.inflation !== 1) {
    const own = projection.assumptions.overridden.includes('inflationPct');
    rows.push({
      label: 'Inflation (future dollars)',
      value: times(growth.inflation),
      source: own
        ? 'Your own setting (Assumptions)'
        : describeFigure(lookup, lookup.pack.defaults.inflationPct),
    });
  }
  return rows;
}

/** The ids of every source behind the projection, in the order they first appear. */
export function sourcesUsed(lookup: Lookup, projection: Projection): string[] {
  const ids = new Set<string>();
  for (const y of projection.years) {
    for (const id of [
      y.factors.baseSourceId,
      y.factors.placeSourceId,
      y.factors.settingSourceId,
      y.factors.bandSourceId,
    ]) {
      if (id && lookup.source(id)) ids.add(id);
    }
    for (const certId of y.certifications) {
      const figure = lookup.pack.certifications.find((c) => c.id === certId)?.payChangePct;
      if (figure && 'sourceId' in figure && lookup.source(figure.sourceId)) ids.add(figure.sourceId);
    }
  }
  return [...ids];
}
