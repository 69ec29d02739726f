/**
 * Several plans (or places) on one line chart: one line per series with its own colour, dash
 * pattern and point shape, and optionally each series' likely range as a light band. The canvas
 * is an image to assistive technology (role="img" with a summary); the screen's table is the
 * full alternative.
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
  type ChartDataset,
} from 'chart.js';
import { Line } from 'react-chartjs-2';
import { moneyLineOptions } from '../planner/chart-options';
import { svgDash, type SeriesStyle } from './series-style';

ChartJS.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Filler, Tooltip);

export interface ChartSeries {
  label: string;
  style: SeriesStyle;
  values: Array<number | null>;
  low?: Array<number | null>;
  high?: Array<number | null>;
}

interface MultiLineChartProps {
  labels: string[];
  series: ChartSeries[];
  currency: string;
  /** The accessible name of the canvas: what the chart shows, in a sentence or two. */
  summary: string;
  showBands?: boolean;
  tall?: boolean;
  testId?: string;
}

export function MultiLineChart({
  labels,
  series,
  currency,
  summary,
  showBands = false,
  tall = false,
  testId,
}: MultiLineChartProps) {
  const datasets: ChartDataset<'line', Array<number | null>>[] = [];
  const bandIndexes = new Set<number>();
  if (showBands) {
    for (const s of series) {
      if (!s.low || !s.high) continue;
      bandIndexes.add(datasets.length);
      datasets.push({
        label: `${s.label}, low`,
        data: s.low,
        borderColor: s.style.band.replace(/[\d.]+\)$/, '0.55)'),
        borderDash: s.style.dash.length ? s.style.dash : [2, 3],
        borderWidth: 1,
        pointRadius: 0,
        pointHoverRadius: 0,
        fill: false,
        order: 2,
        cubicInterpolationMode: 'monotone',
      });
      bandIndexes.add(datasets.length);
      datasets.push({
        label: `${s.label}, high`,
        data: s.high,
        borderColor: s.style.band.replace(/[\d.]+\)$/, '0.55)'),
        borderDash: s.style.dash.length ? s.style.dash : [2, 3],
        borderWidth: 1,
        pointRadius: 0,
        pointHoverRadius: 0,
        backgroundColor: s.style.band,
        fill: '-1',
        order: 2,
        cubicInterpolationMode: 'monotone',
      });
    }
  }
  for (const s of series) {
    datasets.push({
      label: s.label,
      data: s.values,
      borderColor: s.style.color,
      backgroundColor: s.style.color,
      borderDash: s.style.dash,
      borderWidth: s.style.width,
      pointStyle: s.style.point,
      pointRadius: 3,
      pointBackgroundColor: '#ffffff',
      pointBorderWidth: 1.5,
      fill: false,
      order: 0,
      cubicInterpolationMode: 'monotone',
    });
  }
  const data: ChartData<'line', Array<number | null>> = { labels, datasets };
  return (
    <figure className="chart" data-testid={testId}>
      <div className={`chart__canvas${tall ? ' chart__canvas--tall' : ''}`}>
        <Line
          data={data}
          options={moneyLineOptions(currency, bandIndexes)}
          role="img"
          aria-label={summary}
          fallbackContent={<p>{summary}</p>}
        />
      </div>
      <SeriesLegend series={series} showBands={showBands && series.some((s) => s.low && s.high)} />
    </figure>
  );
}

/** Point shapes drawn small in the legend, matching chart.js's pointStyle. */
function PointMark({ style }: { style: SeriesStyle }) {
  const common = { fill: '#ffffff', stroke: style.color, strokeWidth: 1.6 };
  switch (style.point) {
    case 'rectRot':
      return <polygon points="17,2 21,6 17,10 13,6" {...common} />;
    case 'triangle':
      return <polygon points="17,2 21,10 13,10" {...common} />;
    case 'rect':
      return <rect x="13.5" y="2.5" width="7" height="7" {...common} />;
    case 'star':
      return <path d="M17 1.5 V10.5 M12.5 6 H21.5 M13.8 2.8 L20.2 9.2 M20.2 2.8 L13.8 9.2" {...common} />;
    default:
      return <circle cx="17" cy="6" r="3.2" {...common} />;
  }
}

export function SeriesLegend({ series, showBands }: { series: ChartSeries[]; showBands: boolean }) {
  return (
    <ul className="chart-legend series-legend" aria-hidden="true">
      {series.map((s) => (
        <li key={`${s.style.letter}-${s.label}`} className="chart-legend__item">
          <svg width="34" height="12" viewBox="0 0 34 12" className="chart-legend__swatch">
            {showBands && <rect x="0" y="0" width="34" height="12" fill={s.style.band} />}
            <line
              x1="0"
              y1="6"
              x2="34"
              y2="6"
              stroke={s.style.color}
              strokeWidth={s.style.width}
              strokeDasharray={svgDash(s.style.dash)}
            />
            <PointMark style={s.style} />
          </svg>
          <span className="series-chip" data-letter={s.style.letter}>
            {s.style.letter}
          </span>
          {s.label}
        </li>
      ))}
      {showBands && <li className="chart-legend__item muted">Shaded: the likely range of each</li>}
    </ul>
  );
}

/** The checkbox beside a chart that shows or hides its likely-range bands (`showBands`). */
export function ShowRangesToggle({
  checked,
  onChange,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <label className="check-toggle">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      Show likely ranges
    </label>
  );
}
