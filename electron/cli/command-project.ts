/** `project <file>`: every plan in the file, year by year, as a table, CSV or JSON. */
import type { DataPackIndex } from '../../shared/engine/data-pack-index';
import { formatWhole } from '../../shared/engine/money';
import { projectPlan } from '../../shared/engine/project';
import type { Projection } from '../../shared/engine/types';
import type { PlanFile } from '../../shared/plan/schema';
import type { Format } from './args';
import { csvLine } from './csv';
import { renderTable } from './text-table';

export function projectionsOf(file: PlanFile, index: DataPackIndex): Projection[] {
  return file.plans.map((plan) => projectPlan(plan, index));
}

export function projectionJson(projections: readonly Projection[]): unknown {
  return {
    plans: projections.map((p) => ({
      name: p.name,
      currency: p.currency,
      dollars: p.dollars,
      band: p.band,
      assumptions: p.assumptions,
      totals: p.totals,
      years: p.years.map((y) => ({
        year: y.year,
        role: y.role,
        place: y.place,
        setting: y.setting,
        hoursPerWeek: y.hoursPerWeek,
        certifications: y.certifications,
        salary: y.salary,
        salaryLow: y.salaryLow,
        salaryHigh: y.salaryHigh,
        costs: y.costs,
        cumulativeNet: y.cumulativeNet,
        warnings: y.warnings.map((w) =>
          w.stepIndex === undefined
            ? { code: w.code, message: w.message }
            : { code: w.code, message: w.message, stepIndex: w.stepIndex },
        ),
      })),
    })),
  };
}

const CSV_HEADER = [
  'plan',
  'currency',
  'dollars',
  'year',
  'role',
  'place',
  'setting',
  'hoursPerWeek',
  'salary',
  'salaryLow',
  'salaryHigh',
  'costs',
  'cumulativeNet',
  'warnings',
];

export function projectionCsv(projections: readonly Projection[]): string {
  const lines = [csvLine(CSV_HEADER)];
  for (const p of projections) {
    for (const y of p.years) {
      lines.push(
        csvLine([
          p.name,
          p.currency,
          p.dollars,
          y.year,
          y.role,
          y.place,
          y.setting,
          y.hoursPerWeek,
          y.salary,
          y.salaryLow,
          y.salaryHigh,
          y.costs,
          y.cumulativeNet,
          y.warnings.map((w) => w.message).join(' | '),
        ]),
      );
    }
  }
  return lines.join('\n');
}

export function describeDollars(p: Projection): string {
  const dollars =
    p.dollars === 'today'
      ? `today's money (${p.years[0]?.year ?? ''})`
      : `money of each year (inflation ${p.assumptions.inflationPct}% a year)`;
  return `${p.currency}, ${dollars}, real raise ${p.assumptions.realRaisePct}% a year, band ${p.band === 'p25-p75' ? 'P25-P75' : 'P10-P90'}`;
}

export function projectionTable(projections: readonly Projection[], index: DataPackIndex): string {
  return projections
    .map((p) => {
      const rows = p.years.map((y) => [
        String(y.year),
        index.roles.get(y.role)?.title ?? y.role,
        y.place,
        y.setting,
        String(y.hoursPerWeek),
        formatWhole(y.salary),
        formatWhole(y.salaryLow),
        formatWhole(y.salaryHigh),
        formatWhole(y.costs),
        formatWhole(y.cumulativeNet),
      ]);
      const table = renderTable(
        [
          { header: 'Year' },
          { header: 'Role' },
          { header: 'Place' },
          { header: 'Setting' },
          { header: 'Hours', align: 'right' },
          { header: 'Salary', align: 'right' },
          { header: 'Low', align: 'right' },
          { header: 'High', align: 'right' },
          { header: 'Costs', align: 'right' },
          { header: 'Cumulative net', align: 'right' },
        ],
        rows,
      );
      const used = (ids: Iterable<string>, name: (id: string) => string | undefined): string =>
        [...new Set(ids)].map((id) => `${id} = ${name(id) ?? id}`).join('; ');
      const legend = [
        `Places: ${used(
          p.years.map((y) => y.place),
          (id) => index.places.get(id)?.name,
        )}`,
        `Settings: ${used(
          p.years.map((y) => y.setting),
          (id) => index.settings.get(id)?.name,
        )}`,
      ];
      const warnings = p.warnings.map((w) => `  ${w.year}: ${w.message}`);
      return [
        `${p.name} (${describeDollars(p)})`,
        '',
        table,
        '',
        `Total: earnings ${formatWhole(p.totals.earnings)}, costs ${formatWhole(p.totals.costs)}, net ${formatWhole(p.totals.net)} ${p.currency}`,
        ...legend,
        ...(warnings.length > 0 ? ['Warnings:', ...warnings] : []),
      ].join('\n');
    })
    .join('\n\n');
}

export function runProject(file: PlanFile, index: DataPackIndex, format: Format): string {
  const projections = projectionsOf(file, index);
  if (format === 'json') return JSON.stringify(projectionJson(projections), null, 2);
  if (format === 'csv') return projectionCsv(projections);
  return projectionTable(projections, index);
}
