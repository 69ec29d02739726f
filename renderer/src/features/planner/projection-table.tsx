/**
 * The projection year by year: the charts' accessible alternative, a real table. Each year's
 * heading is a button that opens how that year's salary is built and where each figure comes
 * from; the salary cell's tooltip says the same in one line.
 */
import type { Projection } from '../../../../shared/engine/types';
import { formatMoney } from './format';
import type { Lookup } from './pack-lookup';
import { describeSource } from './pack-lookup';
import { bandLabel, dollarsLabel } from './summaries';
import { YearTableHead } from './year-table-head';

interface ProjectionTableProps {
  projection: Projection;
  lookup: Lookup;
  selectedYear: number | null;
  onExplain: (year: number) => void;
  /** Years in which a step takes effect. */
  stepYears: Set<number>;
}

export function ProjectionTable({
  projection,
  lookup,
  selectedYear,
  onExplain,
  stepYears,
}: ProjectionTableProps) {
  const c = projection.currency;
  const band = bandLabel(projection.band);
  return (
    <div className="table-wrap">
      <table className="data-table" data-testid="projection-table">
        <caption className="data-table__caption">
          <span className="data-table__title">Year by year</span>
          <span className="data-table__subtitle">
            In {dollarsLabel(projection.dollars)}
            {c !== 'USD' ? ` (${c})` : ''}. Select a year to see how its salary is worked out.
          </span>
        </caption>
        <YearTableHead bandRange={band.range} noteClassName="data-table__th-note" />
        <tbody>
          {projection.years.map((y) => {
            const previous = projection.years[y.index - 1];
            const roleChanged = !previous || previous.role !== y.role;
            const source = y.factors.baseSourceId
              ? describeSource(lookup.source(y.factors.baseSourceId))
              : 'assumption (no published pay figure)';
            return (
              <tr
                key={y.year}
                className={
                  `${selectedYear === y.year ? 'is-selected' : ''}${stepYears.has(y.year) ? ' has-step' : ''}`.trim() ||
                  undefined
                }
              >
                <th scope="row">
                  <button
                    type="button"
                    className="year-button num"
                    aria-pressed={selectedYear === y.year}
                    aria-label={`${y.year}: explain this year's salary`}
                    onClick={() => onExplain(y.year)}
                  >
                    {y.year}
                  </button>
                </th>
                <td className={roleChanged ? 'role-cell role-cell--changed' : 'role-cell'}>
                  {lookup.roleTitle(y.role)}
                </td>
                <td
                  className="num num--strong"
                  title={`Based on ${lookup.roleTitle(y.role)} pay from ${source}`}
                >
                  {formatMoney(y.salary, c)}
                </td>
                <td className="num num--muted">
                  {formatMoney(y.salaryLow, c)}
                  <span aria-hidden="true"> – </span>
                  <span className="visually-hidden"> to </span>
                  {formatMoney(y.salaryHigh, c)}
                </td>
                <td className="num">
                  {y.costs ? formatMoney(y.costs, c) : <span className="num--muted">—</span>}
                </td>
                <td className="num">{formatMoney(y.cumulativeNet, c)}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              Total over {projection.years.length} {projection.years.length === 1 ? 'year' : 'years'}
            </th>
            <td className="num num--strong">{formatMoney(projection.totals.earnings, c)}</td>
            <td />
            <td className="num">{formatMoney(projection.totals.costs, c)}</td>
            <td className="num num--strong">{formatMoney(projection.totals.net, c)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
