/**
 * Money helpers shared by the engine, the command line and the app. No locale APIs: the same
 * plan must print the same text on every machine.
 */

/** 1234567.4 → "1,234,567" (rounded to whole units, thousands separated by commas). */
export function formatWhole(value: number): string {
  const rounded = Math.round(value);
  const plain = Math.abs(rounded).toString();
  // Not a plain run of digits (Infinity, NaN, 1e+21 and up): nothing to group.
  if (!(Math.abs(rounded) < 1e21)) return rounded < 0 ? `-${plain}` : plain;
  // Commas every three digits from the right (a loop: warnings format money on the hot path).
  let digits = plain.slice(0, plain.length % 3 || 3);
  for (let at = digits.length; at < plain.length; at += 3) digits += `,${plain.slice(at, at + 3)}`;
  return rounded < 0 ? `-${digits}` : digits;
}

/** "$49,000" for U.S. dollars, "28,000 GBP" for anything else. */
export function formatMoney(value: number, currency: string): string {
  if (currency === 'USD') return value < 0 ? `-$${formatWhole(-value)}` : `$${formatWhole(value)}`;
  return `${formatWhole(value)} ${currency}`;
}

/** (1 + inflationPct/100)^yearsAfterStart: turns today's dollars into the dollars of that year. */
export function nominalMultiplier(inflationPct: number, yearsAfterStart: number): number {
  return Math.pow(1 + inflationPct / 100, yearsAfterStart);
}

/** An amount in today's (start-year) dollars expressed in the dollars the plan asks for. */
export function toDollars(
  amountToday: number,
  yearsAfterStart: number,
  assumptions: { inflationPct: number; dollars: 'today' | 'nominal' },
): number {
  return assumptions.dollars === 'nominal'
    ? amountToday * nominalMultiplier(assumptions.inflationPct, yearsAfterStart)
    : amountToday;
}

/** Midpoint of a published range, e.g. tuition "$5,000 to $15,000" → 10,000. */
export function midpoint(range: { min: number; max: number }): number {
  return (range.min + range.max) / 2;
}
