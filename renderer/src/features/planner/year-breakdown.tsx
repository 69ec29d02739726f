/** How one year's salary is built: each factor with where it comes from. */
import type { Projection } from '../../../../shared/engine/types';
import { explainYear } from './explain';
import { formatMoney } from './format';
import type { Lookup } from './pack-lookup';

interface YearBreakdownProps {
  projection: Projection;
  lookup: Lookup;
  year: number;
}

export function YearBreakdown({ projection, lookup, year }: YearBreakdownProps) {
  const y = projection.years.find((x) => x.year === year);
  if (!y) return null;
  const rows = explainYear(lookup, projection, y);
  return (
    <section className="breakdown" aria-labelledby="breakdown-heading" aria-live="polite">
      <h3 id="breakdown-heading" className="breakdown__title">
        How the {y.year} salary is worked out
      </h3>
      <p className="breakdown__subtitle">
        {lookup.roleTitle(y.role)} in {lookup.placeName(y.place)}, {y.hoursPerWeek} hours a week
      </p>
      <dl className="breakdown__list">
        {rows.map((row) => (
          <div key={row.label} className="breakdown__row">
            <dt>
              <span className="breakdown__label">{row.label}</span>
              <span className="breakdown__source">{row.source}</span>
            </dt>
            <dd className="num">{row.value}</dd>
          </div>
        ))}
        <div className="breakdown__row breakdown__row--total">
          <dt>
            <span className="breakdown__label">Salary in {y.year}</span>
            <span className="breakdown__source">
              Range {formatMoney(y.salaryLow, projection.currency)} to{' '}
              {formatMoney(y.salaryHigh, projection.currency)}
            </span>
          </dt>
          <dd className="num">{formatMoney(y.salary, projection.currency)}</dd>
        </div>
      </dl>
    </section>
  );
}
