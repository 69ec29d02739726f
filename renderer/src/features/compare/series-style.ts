/**
 * How each plan (or place) is drawn when several share a chart: a colour, a dash pattern, a line
 * weight and a point shape, so every series can be told apart in grayscale and by colour-blind
 * users. Series keep their style by position (A is always the solid teal line). Pure.
 */
export interface SeriesStyle {
  /** "A", "B"… shown next to the name wherever the series appears. */
  letter: string;
  color: string;
  /** The band (likely range) fill: the colour, very light. */
  band: string;
  /** Canvas dash pattern; [] is solid. */
  dash: number[];
  width: number;
  point: 'circle' | 'rectRot' | 'triangle' | 'rect' | 'star';
}

export const SERIES_STYLES: readonly SeriesStyle[] = [
  { letter: 'A', color: '#0e5e6f', band: 'rgba(14, 94, 111, 0.13)', dash: [], width: 3, point: 'circle' },
  {
    letter: 'B',
    color: '#c2562b',
    band: 'rgba(194, 86, 43, 0.12)',
    dash: [9, 5],
    width: 2.5,
    point: 'rectRot',
  },
  {
    letter: 'C',
    color: '#1d3557',
    band: 'rgba(29, 53, 87, 0.10)',
    dash: [2, 4],
    width: 2.5,
    point: 'triangle',
  },
  {
    letter: 'D',
    color: '#7a3e8f',
    band: 'rgba(122, 62, 143, 0.10)',
    dash: [12, 4, 2, 4],
    width: 2.5,
    point: 'rect',
  },
  { letter: 'E', color: '#8a5a00', band: 'rgba(138, 90, 0, 0.10)', dash: [5, 3], width: 2, point: 'star' },
];

/** The style of the series at `position` (0 = A); past the end the styles repeat. */
export function seriesStyle(position: number): SeriesStyle {
  return SERIES_STYLES[((position % SERIES_STYLES.length) + SERIES_STYLES.length) % SERIES_STYLES.length]!;
}

/** A dash pattern for an SVG legend swatch ("9 5"), or undefined for a solid line. */
export function svgDash(dash: readonly number[]): string | undefined {
  return dash.length ? dash.join(' ') : undefined;
}
