/**
 * Chart colours and line styles. Each series differs by dash pattern and weight as well as by
 * colour, so the charts read in grayscale and for colour-blind users.
 */
export const chartColors = {
  salary: '#0e5e6f',
  band: 'rgba(14, 94, 111, 0.14)',
  bandEdge: '#6f9aa4',
  net: '#1d3557',
  netFill: 'rgba(29, 53, 87, 0.10)',
  costs: '#c2562b',
  grid: '#e6ebef',
  axis: '#5b6b7a',
  text: '#1b2733',
};

export const dash = {
  solid: [] as number[],
  band: [2, 3],
  costs: [8, 5],
  net: [] as number[],
};

export const chartFont = { family: "'Inter', system-ui, sans-serif", size: 12 };
