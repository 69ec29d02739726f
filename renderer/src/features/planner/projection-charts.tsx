/**
 * The projection as two line charts: yearly salary with its likely range shaded between low
 * and high, and money earned so far after training costs. The canvases are images to
 * assistive technology (role="img" with a summary); the table below is the full alternative.
 */
import {
  CategoryScale,
  Chart as ChartJS,
  Filler,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartData,
} from 'chart.js';
import { Line } from 'react-chartjs-2';
import type { Projection } from '../../../../shared/engine/types';
import { moneyLineOptions } from './chart-options';
import { chartColors, chartFont, dash } from './chart-theme';
import { bandLabel, cumulativeChartSummary, salaryChartSummary } from './summaries';

ChartJS.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Filler, Tooltip);
ChartJS.defaults.font = { ...ChartJS.defaults.font, ...chartFont };
ChartJS.defaults.color = chartColors.axis;

interface LegendItem {
  label: string;
  color: string;
  dash: number[];
  width: number;
  fill?: string;
  /** Draw a hollow diamond instead of a line (the step-year points). */
  marker?: boolean;
}

function Legend({ items }: { items: LegendItem[] }) {
  return (
    <ul className="chart-legend" aria-hidden="true">
      {items.map((item) => (
        <li key={item.label} className="chart-legend__item">
          <svg width="28" height="12" viewBox="0 0 28 12" className="chart-legend__swatch">
            {item.fill && <rect x="0" y="0" width="28" height="12" fill={item.fill} />}
            {item.marker ? (
              <polygon points="14,1 19,6 14,11 9,6" fill="#ffffff" stroke={item.color} strokeWidth="2" />
            ) : (
              <line
                x1="0"
                y1="6"
                x2="28"
                y2="6"
                stroke={item.color}
                strokeWidth={item.width}
                strokeDasharray={item.dash.join(' ') || undefined}
              />
            )}
          </svg>
          {item.label}
        </li>
      ))}
    </ul>
  );
}

interface ChartsProps {
  projection: Projection;
  /** Years in which a step takes effect: drawn as larger points on the salary line. */
  stepYears: Set<number>;
}

export function SalaryChart({ projection, stepYears }: ChartsProps) {
  const labels = projection.years.map((y) => String(y.year));
  const band = bandLabel(projection.band);
  const data: ChartData<'line'> = {
    labels,
    datasets: [
      {
        label: band.low,
        data: projection.years.map((y) => y.salaryLow),
        borderColor: chartColors.bandEdge,
        borderDash: dash.band,
        borderWidth: 1.5,
        pointRadius: 0,
        pointHoverRadius: 0,
        fill: false,
        cubicInterpolationMode: 'monotone',
      },
      {
        label: band.high,
        data: projection.years.map((y) => y.salaryHigh),
        borderColor: chartColors.bandEdge,
        borderDash: dash.band,
        borderWidth: 1.5,
        pointRadius: 0,
        pointHoverRadius: 0,
        backgroundColor: chartColors.band,
        fill: '-1',
        cubicInterpolationMode: 'monotone',
      },
      {
        label: 'Salary',
        data: projection.years.map((y) => y.salary),
        borderColor: chartColors.salary,
        backgroundColor: chartColors.salary,
        borderWidth: 3,
        pointRadius: projection.years.map((y) => (stepYears.has(y.year) ? 5 : 2.5)),
        pointStyle: projection.years.map((y) => (stepYears.has(y.year) ? 'rectRot' : 'circle')),
        pointBackgroundColor: projection.years.map((y) =>
          stepYears.has(y.year) ? '#ffffff' : chartColors.salary,
        ),
        pointBorderWidth: 2,
        cubicInterpolationMode: 'monotone',
      },
    ],
  };
  const summary = salaryChartSummary(projection);
  return (
    <figure className="chart">
      <div className="chart__canvas chart__canvas--tall">
        <Line
          data={data}
          options={moneyLineOptions(projection.currency)}
          role="img"
          aria-label={summary}
          fallbackContent={<p>{summary}</p>}
        />
      </div>
      <Legend
        items={[
          { label: 'Salary', color: chartColors.salary, dash: dash.solid, width: 3 },
          {
            label: `Likely range (${band.range})`,
            color: chartColors.bandEdge,
            dash: dash.band,
            width: 1.5,
            fill: chartColors.band,
          },
          ...(stepYears.size
            ? [
                {
                  label: 'Year a step happens',
                  color: chartColors.salary,
                  dash: dash.solid,
                  width: 2,
                  marker: true,
                },
              ]
            : []),
        ]}
      />
    </figure>
  );
}

export function CumulativeChart({ projection }: Omit<ChartsProps, 'stepYears'>) {
  const data: ChartData<'line'> = {
    labels: projection.years.map((y) => String(y.year)),
    datasets: [
      {
        label: 'Earned so far, after costs',
        data: projection.years.map((y) => y.cumulativeNet),
        borderColor: chartColors.net,
        backgroundColor: chartColors.netFill,
        borderWidth: 2.5,
        pointRadius: 0,
        fill: 'origin',
        cubicInterpolationMode: 'monotone',
      },
      {
        label: 'Spent on training so far',
        data: projection.years.map((y) => y.cumulativeCosts),
        borderColor: chartColors.costs,
        borderDash: dash.costs,
        borderWidth: 2,
        pointRadius: 0,
        fill: false,
      },
    ],
  };
  const summary = cumulativeChartSummary(projection);
  return (
    <figure className="chart">
      <div className="chart__canvas">
        <Line
          data={data}
          options={moneyLineOptions(projection.currency)}
          role="img"
          aria-label={summary}
          fallbackContent={<p>{summary}</p>}
        />
      </div>
      <Legend
        items={[
          {
            label: 'Earned so far, after costs',
            color: chartColors.net,
            dash: dash.net,
            width: 2.5,
            fill: chartColors.netFill,
          },
          { label: 'Spent on training so far', color: chartColors.costs, dash: dash.costs, width: 2 },
        ]}
      />
    </figure>
  );
}
