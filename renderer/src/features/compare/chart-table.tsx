/**
 * A line chart's figures as a table, folded away under the chart. The canvas is only an image
 * with a summary to assistive technology; where no other table on the screen lists every year
 * (Places), this is the chart's full alternative: every year, every series, with its range.
 */
import { formatMoney } from '../planner/format';
import type { ChartSeries } from './multi-line-chart';

interface ChartTableProps {
  /** What the table holds, e.g. "Yearly salary in each place, in today's dollars". */
  caption: string;
  labels: string[];
  series: ChartSeries[];
  currency: string;
  testId?: string;
}

export function ChartTable({ caption, labels, series, currency, testId }: ChartTableProps) {
  return (
    <details className="chart-table" data-testid={testId}>
      <summary className="chart-table__summary">Show the chart's figures as a table</summary>
      <div className="table-wrap">
        <table className="data-table chart-table__table">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Year</th>
              {series.map((s) => (
                <th key={`${s.style.letter}-${s.label}`} scope="col" className="num">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {labels.map((label, i) => (
              <tr key={label}>
                <th scope="row" className="num">
                  {label}
                </th>
                {series.map((s) => {
                  const value = s.values[i] ?? null;
                  const low = s.low?.[i] ?? null;
                  const high = s.high?.[i] ?? null;
                  return (
                    <td key={`${s.style.letter}-${s.label}`} className="num num--strong">
                      {value === null ? '—' : formatMoney(value, currency)}
                      {low !== null && high !== null && (
                        <span className="compare-table__range">
                          {formatMoney(low, currency)}
                          <span aria-hidden="true">–</span>
                          <span className="visually-hidden"> to </span>
                          {formatMoney(high, currency)}
                        </span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
