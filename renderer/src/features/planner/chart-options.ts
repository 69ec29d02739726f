/**
 * The options every money line chart shares (the planner's, Compare's, Places'): no animation,
 * one tooltip per year, money on the y axis in the plan's currency.
 */
import type { ChartOptions } from 'chart.js';
import { chartColors, chartFont } from './chart-theme';
import { formatMoney, formatMoneyCompact } from './format';

export function moneyLineOptions(
  currency: string,
  /** Datasets left out of the tooltip (a series' band edges). */
  hiddenFromTooltip: ReadonlySet<number> = new Set(),
): ChartOptions<'line'> {
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    interaction: { mode: 'index', intersect: false },
    plugins: {
      legend: { display: false },
      tooltip: {
        backgroundColor: '#12263a',
        titleFont: { ...chartFont, weight: 600 },
        bodyFont: chartFont,
        padding: 10,
        cornerRadius: 8,
        boxPadding: 4,
        filter: (item) => !hiddenFromTooltip.has(item.datasetIndex),
        callbacks: {
          label: (item) => `${item.dataset.label ?? ''}: ${formatMoney(item.parsed.y, currency)}`,
        },
      },
    },
    scales: {
      x: {
        grid: { display: false },
        border: { color: chartColors.grid },
        ticks: { maxRotation: 0, autoSkipPadding: 12 },
      },
      y: {
        grid: { color: chartColors.grid },
        border: { display: false },
        ticks: { callback: (value) => formatMoneyCompact(Number(value), currency), maxTicksLimit: 6 },
      },
    },
  };
}
