/** The headline numbers: salary at the start and the end, and money earned after 5 and 10 years. */
import type { Projection } from '../../../../shared/engine/types';
import { formatMoney, formatPercent } from './format';
import type { Lookup } from './pack-lookup';
import { afterYears } from './summaries';

export function Totals({ projection, lookup }: { projection: Projection; lookup: Lookup }) {
  const c = projection.currency;
  const first = projection.years[0];
  const last = projection.years[projection.years.length - 1];
  if (!first || !last) return null;
  const growth = first.salary > 0 ? ((last.salary - first.salary) / first.salary) * 100 : null;
  const milestone = (n: number) => {
    const y = afterYears(projection, n);
    return (
      <div className="stat" data-testid={`total-after-${n}`}>
        <dt className="stat__label">After {n} years</dt>
        <dd className="stat__value num">{y ? formatMoney(y.cumulativeNet, c) : '—'}</dd>
        <dd className="stat__note">
          {y
            ? y.cumulativeCosts > 0
              ? `${formatMoney(y.cumulativeEarnings, c)} earned − ${formatMoney(y.cumulativeCosts, c)} costs`
              : `Total earned ${first.year}–${y.year}`
            : `This plan covers ${projection.years.length} ${projection.years.length === 1 ? 'year' : 'years'}`}
        </dd>
      </div>
    );
  };
  return (
    <dl className="stats" aria-label="Totals">
      <div className="stat">
        <dt className="stat__label">Salary in {first.year}</dt>
        <dd className="stat__value num">{formatMoney(first.salary, c)}</dd>
        <dd className="stat__note">{lookup.roleTitle(first.role)}</dd>
      </div>
      <div className="stat">
        <dt className="stat__label">Salary in {last.year}</dt>
        <dd className="stat__value num">{formatMoney(last.salary, c)}</dd>
        <dd className="stat__note">
          {growth !== null && growth !== 0 ? (
            <span className={growth > 0 ? 'trend trend--up' : 'trend trend--down'}>
              {formatPercent(growth, true)}
            </span>
          ) : null}{' '}
          {lookup.roleTitle(last.role)}
        </dd>
      </div>
      {milestone(5)}
      {milestone(10)}
    </dl>
  );
}
