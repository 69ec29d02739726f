/**
 * Everything a plan report says, as text and numbers, worked out from the stored plan(s), the
 * data pack and the date the report is made (passed in: no clock here). Pure, so it is
 * unit-tested under Node and the e2e test can check the PDF against the same figures. Money is
 * formatted exactly as the planner's table shows it.
 */
import type { DataPack, Figure, Source } from '../../../../shared/datapack/schema';
import { comparisonSentences } from '../../../../shared/compare/sentences';
import { comparePlans, indexDataPack, orderedSteps, projectPlan } from '../../../../shared/engine/index';
import type { Comparison, Projection } from '../../../../shared/engine/types';
import type { Plan } from '../../../../shared/plan/schema';
import { sourcesUsed } from '../planner/explain';
import { formatMoney, formatPercent, yearSpan } from '../planner/format';
import { createLookup, placeLabel, typicalCost, type Lookup } from '../planner/pack-lookup';
import { stepLabel } from '../planner/steps';
import { bandLabel, dollarsLabel } from '../planner/summaries';

export interface ReportInput {
  plan: Plan;
  pack: DataPack;
  /** The plan this one is compared with (its break-even is against this one). */
  compareWith?: Plan | null;
  studentName?: string | null;
  /** The day the report is made, `YYYY-MM-DD`. */
  date: string;
}

export interface ReportStat {
  label: string;
  value: string;
  note: string;
}

export interface PathwayItem {
  year: number;
  title: string;
  detail: string | null;
  /** Marks the first item: where the plan starts. */
  isStart: boolean;
}

export interface AssumptionLine {
  label: string;
  value: string;
  /** Where the value comes from, or what it was changed from. */
  basis: string;
  changed: boolean;
}

export interface ReportRow {
  year: number;
  role: string;
  /** The role is new this year (the first year too). */
  roleChanged: boolean;
  hasStep: boolean;
  salary: string;
  low: string;
  high: string;
  costs: string;
  cumulativeNet: string;
}

export interface ReportSource {
  id: string;
  publisher: string;
  dataset: string;
  /** The source's own date ("May 2025"). */
  period: string;
  kind: string;
  usedFor: string[];
}

export interface ReportWarning {
  /** "2027" or "2027–2035" when the same warning holds for several years in a row. */
  years: string;
  message: string;
}

export interface ReportModel {
  title: string;
  studentName: string | null;
  preparedOn: string;
  packVersion: string;
  dataAsOf: string;
  /** "2026–2035 · 10 years". */
  span: string;
  moneyNote: string;
  currency: string;
  summary: ReportStat[];
  pathway: PathwayItem[];
  assumptions: AssumptionLine[];
  /** Figures this plan sets itself instead of the data pack's (step costs, pay changes). */
  ownFigures: string[];
  rows: ReportRow[];
  totals: { label: string; earnings: string; costs: string; net: string };
  comparison: {
    otherName: string;
    sentences: string[];
    notes: string[];
    breakEven: string;
    comparison: Comparison;
    other: Projection;
  } | null;
  comparisonError: string | null;
  warnings: ReportWarning[];
  sources: ReportSource[];
  bandRange: string;
  projection: Projection;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2026-05-04" → "May 4, 2026"; anything else is shown as given. */
export function longDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  return match && month ? `${month} ${Number(match[3])}, ${match[1]}` : iso;
}

/** "2025-05-01" → "May 2025". */
export function monthYear(iso: string): string {
  const match = /^(\d{4})-(\d{2})/.exec(iso);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  return match && month ? `${month} ${match[1]}` : iso;
}

const KIND_LABELS: Record<Source['kind'], string> = {
  'official-statistics': 'Official statistics',
  survey: 'Survey',
  'career-guide': 'Career guide',
  secondary: 'Reported by another source',
};

/**
 * The dataset as a reader needs it: up to its first ";" (the rest is row filters), without the
 * spreadsheet file names ("national_M2025_dl.xlsx (oesm25nat.zip)") that only matter to whoever
 * rebuilds the data pack (they stay in the pack).
 */
export function datasetText(dataset: string): string {
  const head = dataset
    .split(/;\s/)[0]!
    .replace(/\s*\([^()]*\.zip\)/g, '')
    .replace(/,\s*[\w.-]+_dl(\.xlsx)?(?=[,;]|$)/g, '')
    .replace(/\s+,/g, ',')
    // A ";" inside parentheses leaves one open: drop the cut-off aside.
    .replace(/\s*\([^)]*$/, '')
    .trim();
  return head.length > 220 ? `${head.slice(0, 217).trimEnd()}…` : head;
}

function figureBasis(lookup: Lookup, figure: Figure): string {
  if ('sourceId' in figure) {
    const s = lookup.source(figure.sourceId);
    return s ? `From ${s.publisher}, ${s.period}` : 'From a listed source';
  }
  return `Assumption: ${figure.assumption}`;
}

function startDetail(lookup: Lookup, plan: Plan): string {
  const place = lookup.place(plan.start.place);
  const parts = [
    place ? placeLabel(lookup.pack, place) : plan.start.place,
    plan.start.setting === 'all' ? 'any work setting' : lookup.settingName(plan.start.setting),
    `${plan.start.hoursPerWeek} hours a week`,
  ];
  if (plan.start.yearsExperience) {
    parts.push(`${plan.start.yearsExperience} ${plan.start.yearsExperience === 1 ? 'year' : 'years'} of experience already`);
  }
  return parts.join(' · ');
}

function pathwayOf(lookup: Lookup, plan: Plan, currency: string): PathwayItem[] {
  const items: PathwayItem[] = [
    {
      year: plan.startYear,
      title: `Start as ${lookup.roleTitle(plan.start.role)}`,
      detail: startDetail(lookup, plan),
      isStart: true,
    },
  ];
  for (const { step } of orderedSteps(plan)) {
    let detail: string | null = null;
    if (step.type === 'program' || step.type === 'certification') {
      const kind = step.type;
      const id = step.type === 'program' ? step.program : step.certification;
      const typical = typicalCost(lookup, kind, id);
      if (step.cost !== undefined) {
        detail = `Cost ${formatMoney(step.cost, currency)} (this plan's own figure${typical ? `; usually ${typical.rangeText}` : ''})`;
      } else if (typical) {
        detail = `Cost ${formatMoney(typical.typical, currency)}, the middle of the usual ${typical.rangeText} (${typical.source})`;
      } else {
        detail = 'No cost counted (none published)';
      }
      if (step.type === 'certification' && step.payChangePct !== undefined) {
        detail += ` · pay change ${formatPercent(step.payChangePct, true)} (this plan's own figure)`;
      }
    } else if (step.cost !== undefined && step.cost > 0) {
      detail = `Cost ${formatMoney(step.cost, currency)} (this plan's own figure)`;
    }
    if (step.note) detail = detail ? `${detail} · ${step.note}` : step.note;
    items.push({ year: step.year, title: stepLabel(lookup, step), detail, isStart: false });
  }
  return items;
}

function assumptionsOf(lookup: Lookup, plan: Plan, projection: Projection): AssumptionLine[] {
  const defaults = lookup.pack.defaults;
  const own = plan.assumptions ?? {};
  const band = bandLabel(projection.band);
  const changedFrom = (text: string) => `Changed in this plan (the data pack's default is ${text})`;
  return [
    {
      label: 'Yearly raise above inflation',
      value: `${formatPercent(projection.assumptions.realRaisePct)} a year`,
      basis:
        own.realRaisePct !== undefined
          ? changedFrom(`${formatPercent(defaults.realRaisePct.value)} a year`)
          : figureBasis(lookup, defaults.realRaisePct),
      changed: own.realRaisePct !== undefined,
    },
    {
      label: 'Inflation',
      value: `${formatPercent(projection.assumptions.inflationPct)} a year`,
      basis:
        own.inflationPct !== undefined
          ? changedFrom(`${formatPercent(defaults.inflationPct.value)} a year`)
          : figureBasis(lookup, defaults.inflationPct) +
            (projection.dollars === 'today' ? ' Used only when amounts are shown in future dollars.' : ''),
      changed: own.inflationPct !== undefined,
    },
    {
      label: 'Likely pay range',
      value: projection.band === 'p10-p90' ? 'Most workers' : 'Middle half of workers',
      basis:
        own.band !== undefined
          ? changedFrom('the middle half, 25th–75th percentile')
          : `${band.range} of pay for the job, from national wage statistics`,
      changed: own.band !== undefined,
    },
    {
      label: 'Money shown in',
      value: projection.dollars === 'nominal' ? 'Future dollars' : "Today's dollars",
      basis:
        own.dollars !== undefined
          ? changedFrom("today's dollars")
          : "Amounts are in the money of the plan's first year, so years can be compared",
      changed: own.dollars !== undefined,
    },
  ];
}

function ownFiguresOf(lookup: Lookup, plan: Plan, currency: string): string[] {
  const lines: string[] = [];
  for (const { step } of orderedSteps(plan)) {
    if ((step.type === 'program' || step.type === 'certification') && step.cost !== undefined) {
      const id = step.type === 'program' ? step.program : step.certification;
      const typical = typicalCost(lookup, step.type, id);
      lines.push(
        `${step.year}: ${stepLabel(lookup, step)} costs ${formatMoney(step.cost, currency)}` +
          (typical ? ` (the data pack's usual range is ${typical.rangeText})` : ''),
      );
    } else if (step.cost !== undefined && step.cost > 0) {
      lines.push(`${step.year}: ${stepLabel(lookup, step)} costs ${formatMoney(step.cost, currency)}`);
    }
    if (step.type === 'certification' && step.payChangePct !== undefined) {
      const pack = lookup.pack.certifications.find((c) => c.id === step.certification);
      lines.push(
        `${step.year}: ${stepLabel(lookup, step)} changes pay by ${formatPercent(step.payChangePct, true)}` +
          (pack ? ` (the data pack's figure is ${formatPercent(pack.payChangePct.value, true)})` : ''),
      );
    }
  }
  return lines;
}

/** Same message in consecutive years → one line with a year range. */
function warningsOf(projection: Projection): ReportWarning[] {
  const groups: Array<{ first: number; last: number; message: string }> = [];
  const open = new Map<string, { first: number; last: number; message: string }>();
  const seen = new Set<string>();
  for (const w of projection.warnings) {
    const key = `${w.year}|${w.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const group = open.get(w.message);
    if (group && group.last === w.year - 1) {
      group.last = w.year;
      continue;
    }
    const next = { first: w.year, last: w.year, message: w.message };
    groups.push(next);
    open.set(w.message, next);
  }
  return groups
    .sort((a, b) => a.first - b.first)
    .map((g) => ({ years: g.first === g.last ? String(g.first) : `${g.first}–${g.last}`, message: g.message }));
}

/** Every source behind the numbers: pay, place, setting, band, certifications, costs and defaults. */
function sourcesOf(lookup: Lookup, plans: readonly Plan[], projections: readonly Projection[]): ReportSource[] {
  const used = new Map<string, Set<string>>();
  const add = (id: string | null | undefined, what: string) => {
    if (!id || !lookup.source(id)) return;
    const set = used.get(id) ?? new Set<string>();
    set.add(what);
    used.set(id, set);
  };
  for (const projection of projections) {
    for (const id of sourcesUsed(lookup, projection)) add(id, 'pay');
    for (const y of projection.years) {
      add(y.factors.baseSourceId, 'pay for the role');
      add(y.factors.placeSourceId, 'pay where you work');
      add(y.factors.settingSourceId, 'pay by work setting');
      add(y.factors.bandSourceId, 'the likely range');
      for (const id of y.certifications) {
        const figure = lookup.pack.certifications.find((c) => c.id === id)?.payChangePct;
        if (figure && 'sourceId' in figure) add(figure.sourceId, 'certification pay');
      }
    }
  }
  for (const { step } of plans.flatMap((p) => orderedSteps(p))) {
    if ((step.type === 'program' || step.type === 'certification') && step.cost === undefined) {
      const item =
        step.type === 'program'
          ? lookup.pack.programs.find((p) => p.id === step.program)
          : lookup.pack.certifications.find((c) => c.id === step.certification);
      add(item?.cost?.sourceId, 'costs');
    }
  }
  const defaults = lookup.pack.defaults;
  const own = (key: 'realRaisePct' | 'inflationPct') => plans.every((p) => p.assumptions?.[key] !== undefined);
  if (!own('realRaisePct') && 'sourceId' in defaults.realRaisePct) add(defaults.realRaisePct.sourceId, 'raises');
  if (!own('inflationPct') && 'sourceId' in defaults.inflationPct) add(defaults.inflationPct.sourceId, 'inflation');

  return [...used.entries()].map(([id, what]) => {
    const s = lookup.source(id)!;
    // "pay" alone is the generic tag from sourcesUsed; drop it when a precise one is there.
    const tags = [...what].filter((t) => t !== 'pay' || what.size === 1);
    return {
      id,
      publisher: s.publisher,
      dataset: datasetText(s.dataset),
      period: s.period,
      kind: KIND_LABELS[s.kind],
      usedFor: tags,
    };
  });
}

export function buildReport(input: ReportInput): ReportModel {
  const index = indexDataPack(input.pack);
  const lookup = createLookup(input.pack);
  const { plan } = input;
  const projection = projectPlan(plan, index);
  const c = projection.currency;
  const first = projection.years[0]!;
  const last = projection.years[projection.years.length - 1]!;
  const n = projection.years.length;
  const stepYears = new Set(plan.steps.map((s) => s.year));

  let comparison: ReportModel['comparison'] = null;
  let comparisonError: string | null = null;
  if (input.compareWith) {
    const other = projectPlan(input.compareWith, index);
    try {
      // The other plan is A, this one B: "pays back its program cost" is said of this plan.
      const compared = comparePlans(other, projection);
      const breakEven =
        compared.breakEvenYear === null
          ? `Break-even: not within the ${compared.years.length} years compared (this plan's money earned so far stays below the other's).`
          : compared.breakEvenYear === compared.years[0]?.year
            ? `Break-even: from the first year (this plan is level with or ahead of the other from ${compared.breakEvenYear}).`
            : `Break-even: ${compared.breakEvenYear}, the first year this plan's money earned so far catches up with the other's.`;
      comparison = {
        otherName: other.name,
        sentences: comparisonSentences(compared, other, projection),
        notes: compared.notes,
        breakEven,
        comparison: compared,
        other,
      };
    } catch (error) {
      comparisonError = error instanceof Error ? error.message : String(error);
    }
  }

  const afterCosts = projection.totals.costs > 0;
  const summary: ReportStat[] = [
    { label: `Salary in ${first.year}`, value: formatMoney(first.salary, c), note: lookup.roleTitle(first.role) },
    { label: `Salary in ${last.year}`, value: formatMoney(last.salary, c), note: lookup.roleTitle(last.role) },
    {
      label: `Earned over ${n} ${n === 1 ? 'year' : 'years'}`,
      value: formatMoney(projection.totals.earnings, c),
      note: `${first.year}–${last.year}, before costs`,
    },
    {
      label: afterCosts ? 'Earned after costs' : 'Program and exam costs',
      value: formatMoney(afterCosts ? projection.totals.net : projection.totals.costs, c),
      note: afterCosts ? `${formatMoney(projection.totals.costs, c)} in costs taken off` : 'None in this plan',
    },
  ];

  const rows: ReportRow[] = projection.years.map((y, i) => ({
    year: y.year,
    role: lookup.roleTitle(y.role),
    roleChanged: i === 0 || projection.years[i - 1]!.role !== y.role,
    hasStep: stepYears.has(y.year),
    salary: formatMoney(y.salary, c),
    low: formatMoney(y.salaryLow, c),
    high: formatMoney(y.salaryHigh, c),
    costs: y.costs ? formatMoney(y.costs, c) : '—',
    cumulativeNet: formatMoney(y.cumulativeNet, c),
  }));

  const dollars =
    projection.dollars === 'nominal'
      ? `future dollars (with ${formatPercent(projection.assumptions.inflationPct)} inflation a year)`
      : `${dollarsLabel(projection.dollars)} (the money of ${first.year})`;

  return {
    title: plan.name,
    studentName: input.studentName?.trim() || null,
    preparedOn: longDate(input.date),
    packVersion: input.pack.version,
    dataAsOf: monthYear(input.pack.dataAsOf),
    span: `${yearSpan(plan.startYear, plan.years)} · ${n} ${n === 1 ? 'year' : 'years'}`,
    moneyNote:
      `Amounts are yearly, before taxes, in ${c === 'USD' ? 'U.S. dollars' : c}, in ${dollars}. ` +
      'They are estimates, not promises: see “What this projection is, and what it is not”.',
    currency: c,
    summary,
    pathway: pathwayOf(lookup, plan, c),
    assumptions: assumptionsOf(lookup, plan, projection),
    ownFigures: ownFiguresOf(lookup, plan, c),
    rows,
    totals: {
      label: `Total over ${n} ${n === 1 ? 'year' : 'years'}`,
      earnings: formatMoney(projection.totals.earnings, c),
      costs: formatMoney(projection.totals.costs, c),
      net: formatMoney(projection.totals.net, c),
    },
    comparison,
    comparisonError,
    warnings: warningsOf(projection),
    sources: sourcesOf(
      lookup,
      input.compareWith && comparison ? [plan, input.compareWith] : [plan],
      comparison ? [projection, comparison.other] : [projection],
    ),
    bandRange: bandLabel(projection.band).range,
    projection,
  };
}
