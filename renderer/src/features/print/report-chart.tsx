/**
 * The report's charts, drawn once for paper: chart.js with animation off, a fixed size (the
 * printed page does not resize), devicePixelRatio 1.5 (144 dpi on paper: lines and labels stay
 * sharp, and Chromium's printer, whose time grows with a canvas's pixels, spends about half as
 * long on them as at 2), on an opaque white canvas. Every series differs by dash pattern, weight
 * and markers as well as colour, and the likely range is hatched, so a grayscale printout reads
 * as well as a colour one. `onDrawn` fires once the canvas holds the finished picture; the page
 * is only declared ready after every chart has.
 */
import {
  CategoryScale,
  Chart,
  Filler,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  type ChartConfiguration,
  type ChartDataset,
  type Plugin,
} from 'chart.js';
import { useEffect, useRef } from 'react';
import type { Projection } from '../../../../shared/engine/types';
import { formatMoneyCompact } from '../planner/format';

Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Filler);

export const PRINT_COLORS = {
  salary: '#0b4f5e',
  band: '#7e9ea6',
  other: '#b4461d',
  net: '#1d3557',
  costs: '#6b7785',
  grid: '#dde3e8',
  axis: '#4a5866',
};

export const PRINT_DASH = {
  band: [1.5, 2.5],
  other: [7, 4],
  costs: [3, 3],
};

const FONT = { family: "'Inter', sans-serif", size: 10 };

/** Diagonal hatching: the likely range as a texture, not only a tint. */
function hatch(): CanvasPattern | string {
  const tile = document.createElement('canvas');
  tile.width = 8;
  tile.height = 8;
  const ctx = tile.getContext('2d');
  if (!ctx) return 'rgba(126, 158, 166, 0.18)';
  ctx.fillStyle = 'rgba(126, 158, 166, 0.10)';
  ctx.fillRect(0, 0, 8, 8);
  ctx.strokeStyle = 'rgba(80, 110, 120, 0.45)';
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(0, 8);
  ctx.lineTo(8, 0);
  ctx.moveTo(-2, 2);
  ctx.lineTo(2, -2);
  ctx.moveTo(6, 10);
  ctx.lineTo(10, 6);
  ctx.stroke();
  return ctx.createPattern(tile, 'repeat') ?? 'rgba(126, 158, 166, 0.18)';
}

/** A dotted vertical line with a label at one category (the break-even year). */
function markerLine(label: string | null, at: string | null): Plugin<'line'> {
  return {
    id: 'marker-line',
    afterDatasetsDraw(chart) {
      if (!label || at === null) return;
      const x = chart.scales.x;
      const index = (chart.data.labels ?? []).indexOf(at);
      if (!x || index < 0) return;
      const px = x.getPixelForValue(index);
      const { top, bottom } = chart.chartArea;
      const ctx = chart.ctx;
      ctx.save();
      ctx.strokeStyle = '#1b2733';
      ctx.setLineDash([2, 2]);
      ctx.lineWidth = 1;
      ctx.beginPath();
      ctx.moveTo(px, top);
      ctx.lineTo(px, bottom);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.font = `600 10px ${FONT.family}`;
      ctx.fillStyle = '#1b2733';
      const width = ctx.measureText(label).width;
      const left = Math.min(Math.max(px + 4, chart.chartArea.left), chart.chartArea.right - width);
      ctx.fillText(label, left, top + 10);
      ctx.restore();
    },
  };
}

/** An opaque canvas starts black: paint it the paper's white before chart.js draws. */
const whiteBackground: Plugin<'line'> = {
  id: 'white-background',
  beforeDraw(chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

interface PrintChartProps {
  config: ChartConfiguration<'line'>;
  width: number;
  height: number;
  label: string;
  onDrawn: () => void;
  plugins?: Plugin<'line'>[];
}

function PrintChart({ config, width, height, label, onDrawn, plugins = [] }: PrintChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawn = useRef(onDrawn);
  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    // With animation off, the constructor lays out and draws synchronously.
    // Opaque: Chromium then writes the picture into the PDF without an alpha channel, which made
    // page.pdf() 40–90 ms faster (measured at devicePixelRatio 2). Chart.js reuses this context
    // (the first call sets alpha).
    element.getContext('2d', { alpha: false });
    const chart = new Chart(element, { ...config, plugins: [whiteBackground, ...(config.plugins ?? []), ...plugins] });
    drawn.current();
    return () => chart.destroy();
    // Drawn once per mount: the report never changes after it is rendered.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <div className="print-chart__canvas" style={{ width, height }}>
      <canvas ref={canvas} width={width} height={height} role="img" aria-label={label} />
    </div>
  );
}

function baseOptions(currency: string): ChartConfiguration<'line'>['options'] {
  return {
    responsive: false,
    maintainAspectRatio: false,
    animation: false,
    devicePixelRatio: 1.5,
    events: [],
    font: FONT,
    color: PRINT_COLORS.axis,
    layout: { padding: { top: 6, right: 8 } },
    plugins: { legend: { display: false }, tooltip: { enabled: false } },
    scales: {
      x: {
        grid: { display: false },
        border: { color: PRINT_COLORS.axis },
        ticks: { color: PRINT_COLORS.axis, font: FONT, maxRotation: 0, autoSkip: true, autoSkipPadding: 10 },
      },
      y: {
        grid: { color: PRINT_COLORS.grid },
        border: { display: false },
        ticks: {
          color: PRINT_COLORS.axis,
          font: FONT,
          maxTicksLimit: 6,
          callback: (value) => formatMoneyCompact(Number(value), currency),
        },
      },
    },
  };
}

interface ReportChartProps {
  projection: Projection;
  other: Projection | null;
  stepYears: ReadonlySet<number>;
  width: number;
  onDrawn: () => void;
}

export function SalaryPrintChart({ projection, other, stepYears, width, onDrawn }: ReportChartProps) {
  const labels = projection.years.map((y) => String(y.year));
  const datasets: ChartDataset<'line'>[] = [
    {
      label: 'Low',
      data: projection.years.map((y) => y.salaryLow),
      borderColor: PRINT_COLORS.band,
      borderDash: PRINT_DASH.band,
      borderWidth: 1.2,
      pointRadius: 0,
      fill: false,
      cubicInterpolationMode: 'monotone',
    },
    {
      label: 'High',
      data: projection.years.map((y) => y.salaryHigh),
      borderColor: PRINT_COLORS.band,
      borderDash: PRINT_DASH.band,
      borderWidth: 1.2,
      pointRadius: 0,
      backgroundColor: hatch(),
      fill: '-1',
      cubicInterpolationMode: 'monotone',
    },
  ];
  if (other) {
    const length = Math.min(other.years.length, projection.years.length);
    datasets.push({
      label: other.name,
      data: other.years.slice(0, length).map((y) => y.salary),
      borderColor: PRINT_COLORS.other,
      borderDash: PRINT_DASH.other,
      borderWidth: 2,
      pointRadius: 0,
      fill: false,
      cubicInterpolationMode: 'monotone',
    });
  }
  datasets.push({
    label: 'Salary',
    data: projection.years.map((y) => y.salary),
    borderColor: PRINT_COLORS.salary,
    backgroundColor: PRINT_COLORS.salary,
    borderWidth: 2.5,
    pointRadius: projection.years.map((y) => (stepYears.has(y.year) ? 4.5 : projection.years.length > 20 ? 0 : 2)),
    pointStyle: projection.years.map((y) => (stepYears.has(y.year) ? 'rectRot' : 'circle')),
    pointBackgroundColor: projection.years.map((y) => (stepYears.has(y.year) ? '#ffffff' : PRINT_COLORS.salary)),
    pointBorderWidth: 1.6,
    fill: false,
    cubicInterpolationMode: 'monotone',
  });
  return (
    <PrintChart
      config={{ type: 'line', data: { labels, datasets }, options: baseOptions(projection.currency) }}
      width={width}
      height={210}
      label={`Salary each year, ${labels[0]} to ${labels[labels.length - 1]}`}
      onDrawn={onDrawn}
    />
  );
}

export function EarnedPrintChart({
  projection,
  other,
  width,
  breakEvenYear,
  onDrawn,
}: Omit<ReportChartProps, 'stepYears'> & { breakEvenYear: number | null }) {
  const length = other ? Math.min(other.years.length, projection.years.length) : projection.years.length;
  const years = projection.years.slice(0, other ? length : undefined);
  const labels = years.map((y) => String(y.year));
  const datasets: ChartDataset<'line'>[] = [
    {
      label: 'Earned so far, after costs',
      data: years.map((y) => y.cumulativeNet),
      borderColor: PRINT_COLORS.net,
      borderWidth: 2.5,
      pointRadius: 0,
      fill: false,
      cubicInterpolationMode: 'monotone',
    },
  ];
  if (other) {
    datasets.push({
      label: other.name,
      data: other.years.slice(0, length).map((y) => y.cumulativeNet),
      borderColor: PRINT_COLORS.other,
      borderDash: PRINT_DASH.other,
      borderWidth: 2,
      pointRadius: 0,
      fill: false,
      cubicInterpolationMode: 'monotone',
    });
  } else {
    datasets.push({
      label: 'Spent on training so far',
      data: years.map((y) => y.cumulativeCosts),
      borderColor: PRINT_COLORS.costs,
      borderDash: PRINT_DASH.costs,
      borderWidth: 1.6,
      pointRadius: 0,
      fill: false,
    });
  }
  // Break-even is only worth marking when this plan was behind first.
  const mark = breakEvenYear !== null && breakEvenYear !== projection.years[0]?.year;
  return (
    <PrintChart
      config={{ type: 'line', data: { labels, datasets }, options: baseOptions(projection.currency) }}
      width={width}
      height={150}
      label={`Money earned so far after costs, ${labels[0]} to ${labels[labels.length - 1]}`}
      onDrawn={onDrawn}
      plugins={[markerLine(mark ? `Break-even ${breakEvenYear}` : null, mark ? String(breakEvenYear) : null)]}
    />
  );
}
