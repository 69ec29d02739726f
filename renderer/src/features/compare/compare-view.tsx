/**
 * The Compare screen: "which way is better for me?". Two to four saved plans side by side —
 * salary lines with their likely ranges, money earned so far after costs, a year-by-year table
 * of each plan against the first, break-even, totals after 5 and 10 years, and the plain
 * sentences. Everything is the shared engine's output (see compare-model.ts); this file only
 * lays it out.
 */
import { useEffect, useMemo, useState } from 'react';
import type { DataPackIndex } from '../../../../shared/engine/data-pack-index';
import type { ChannelOutput } from '../../../../shared/ipc/contract';
import { api, friendlyError } from '../../api';
import { CardHeader } from '../../components/card-header';
import { formatMoney, yearSpan } from '../planner/format';
import type { Lookup } from '../planner/pack-lookup';
import type { PlanSummary } from '../plans-list/plans-list';
import {
  aheadFrom,
  breakEvenText,
  comparedYearText,
  buildCompareModel,
  compareRows,
  defaultDollars,
  dollarsWords,
  formatSignedMoney,
  MAX_COMPARED,
  netAfter,
  plansWithOtherDollars,
  quoted,
  seriesChartSummary,
  type CompareModel,
  type ComparedPlan,
  type Dollars,
  type Metric,
  type PlanPair,
} from './compare-model';
import { DollarsToggle } from './dollars-toggle';
import { MultiLineChart, ShowRangesToggle, type ChartSeries } from './multi-line-chart';
import { PlanPicker } from './plan-picker';
import './explore.css';

type StoredPlan = ChannelOutput<'plans:get'>;
type Loaded = { ok: true; stored: StoredPlan } | { ok: false; message: string };

interface CompareViewProps {
  plans: PlanSummary[];
  index: DataPackIndex;
  lookup: Lookup;
  /** The plan open in the planner: picked first by default. */
  currentId: number | null;
  onOpenPlan: (id: number) => void;
  onNewPlan: () => void;
}

/** The last pick, kept while the app runs so coming back to Compare shows the same plans. */
let rememberedPick: number[] | null = null;
let rememberedDollars: Dollars | null = null;

function initialPick(plans: PlanSummary[], currentId: number | null): number[] {
  const exists = new Set(plans.map((p) => p.id));
  const kept = (rememberedPick ?? []).filter((id) => exists.has(id));
  if (kept.length >= 2) return kept.slice(0, MAX_COMPARED);
  const first = currentId !== null && exists.has(currentId) ? [currentId] : [];
  const rest = plans.map((p) => p.id).filter((id) => !first.includes(id));
  return [...first, ...rest].slice(0, 2);
}

export function CompareView({ plans, index, lookup, currentId, onOpenPlan, onNewPlan }: CompareViewProps) {
  const [chosen, setChosen] = useState<number[]>(() => initialPick(plans, currentId));
  const [loaded, setLoaded] = useState<ReadonlyMap<number, Loaded>>(new Map());
  const [dollarsChoice, setDollarsChoice] = useState<Dollars | null>(rememberedDollars);
  const [metric, setMetric] = useState<Metric>('net');
  const [showBands, setShowBands] = useState(true);

  const summaries = useMemo(() => new Map(plans.map((p) => [p.id, p])), [plans]);
  const picked = useMemo(() => chosen.filter((id) => summaries.has(id)), [chosen, summaries]);

  useEffect(() => {
    document.title = 'Compare plans — Pathway Planner';
    return () => {
      document.title = 'Pathway Planner';
    };
  }, []);

  // Load (or reload, when the plan was saved since) every picked plan.
  useEffect(() => {
    const stale = picked.filter((id) => {
      const have = loaded.get(id);
      return !have || (have.ok && have.stored.updatedAt !== summaries.get(id)?.updatedAt);
    });
    if (stale.length === 0) return;
    let cancelled = false;
    void Promise.all(
      stale.map((id) =>
        api.plans.get(id).then(
          (stored): [number, Loaded] => [id, { ok: true, stored }],
          (error: unknown): [number, Loaded] => [
            id,
            { ok: false, message: friendlyError(error, 'opening the plan') },
          ],
        ),
      ),
    ).then((results) => {
      if (cancelled) return;
      setLoaded((previous) => {
        const next = new Map(previous);
        for (const [id, result] of results) next.set(id, result);
        return next;
      });
    });
    return () => {
      cancelled = true;
    };
  }, [picked, loaded, summaries]);

  const choose = (ids: number[]) => {
    rememberedPick = ids;
    setChosen(ids);
  };
  const chooseDollars = (value: Dollars) => {
    rememberedDollars = value;
    setDollarsChoice(value);
  };

  const entries = useMemo(
    () =>
      picked.flatMap((id) => {
        const have = loaded.get(id);
        return have?.ok ? [{ id, plan: have.stored.plan }] : [];
      }),
    [picked, loaded],
  );
  const failures = picked.flatMap((id) => {
    const have = loaded.get(id);
    return have && !have.ok ? [have.message] : [];
  });
  const waiting = picked.some((id) => !loaded.has(id));
  const dollars = dollarsChoice ?? defaultDollars(entries.map((e) => e.plan));
  const model = useMemo(() => buildCompareModel(entries, index, dollars), [entries, index, dollars]);
  const overridden = plansWithOtherDollars(entries, dollars);

  return (
    <div className="explore" data-testid="compare-view">
      <header className="explore__header">
        <div className="explore__title-block">
          <p className="explore__eyebrow">Compare plans</p>
          <h1 className="explore__title">Which way is better for you?</h1>
          <p className="explore__lead">
            Put two to four of your plans side by side: what each pays every year, and what you'd have earned
            after paying for programs and exams.
          </p>
        </div>
        <DollarsToggle
          value={dollars}
          onChange={chooseDollars}
          note={
            overridden.length > 0
              ? `All plans are shown in ${dollarsWords(dollars)} so they're like for like.`
              : undefined
          }
        />
      </header>

      {plans.length < 2 ? (
        <section className="card explore__empty">
          <h2 className="card__title">Compare needs at least two plans</h2>
          <p className="card__subtitle">
            {plans.length === 0 ? "You don't have any plans yet." : 'You have one plan so far.'} Start another
            — for example from a pathway — and come back to see which way pays more.
          </p>
          <div>
            <button type="button" className="button button--primary" onClick={onNewPlan}>
              Start a plan
            </button>
          </div>
        </section>
      ) : (
        <section className="card" aria-labelledby="compare-pick-heading">
          <CardHeader headingId="compare-pick-heading" title="Plans to compare" />
          <PlanPicker plans={plans} chosen={picked} lookup={lookup} onChange={choose} />
        </section>
      )}

      {failures.map((message) => (
        <p key={message} className="notice notice--error" role="alert">
          {message}
        </p>
      ))}
      {plans.length >= 2 && waiting && picked.length >= 2 && (
        <p className="muted">Working out the numbers…</p>
      )}
      {plans.length >= 2 && !waiting && (
        <CompareResults
          model={model}
          dollars={dollars}
          lookup={lookup}
          metric={metric}
          onMetric={setMetric}
          showBands={showBands}
          onShowBands={setShowBands}
          onOpenPlan={onOpenPlan}
        />
      )}
    </div>
  );
}

interface ResultsProps {
  model: CompareModel;
  dollars: Dollars;
  lookup: Lookup;
  metric: Metric;
  onMetric: (metric: Metric) => void;
  showBands: boolean;
  onShowBands: (show: boolean) => void;
  onOpenPlan: (id: number) => void;
}

function CompareResults({
  model,
  dollars,
  lookup,
  metric,
  onMetric,
  showBands,
  onShowBands,
  onOpenPlan,
}: ResultsProps) {
  if (model.status === 'too-few') return null;
  if (model.status === 'error') {
    return (
      <p className="notice notice--error" role="alert">
        {model.message}
      </p>
    );
  }
  if (model.status === 'currencies') {
    return (
      <div className="notice notice--warning compare-currency" role="note" data-testid="compare-currency">
        <span className="notice__icon" aria-hidden="true">
          !
        </span>
        <span>
          <strong>These plans can't be compared directly.</strong> {model.message}
        </span>
      </div>
    );
  }

  const currency = model.plans[0]!.projection.currency;
  const salarySeries: ChartSeries[] = model.plans.map((p) => ({
    label: p.label,
    style: p.style,
    values: p.projection.years.map((y) => y.salary),
    low: p.projection.years.map((y) => y.salaryLow),
    high: p.projection.years.map((y) => y.salaryHigh),
  }));
  const netSeries: ChartSeries[] = model.plans.map((p) => ({
    label: p.label,
    style: p.style,
    values: p.projection.years.map((y) => y.cumulativeNet),
  }));
  const first = model.plans[0]!;

  return (
    <>
      <div className="compare-cards" data-count={model.plans.length}>
        {model.plans.map((p) => (
          <PlanCard
            key={p.id}
            plan={p}
            pair={p.position > 0 ? model.pairs[p.position - 1]! : null}
            first={first}
            lookup={lookup}
            onOpen={() => onOpenPlan(p.id)}
          />
        ))}
      </div>

      <section
        className="card compare-words"
        aria-labelledby="compare-words-heading"
        data-testid="compare-sentences"
      >
        <CardHeader
          headingId="compare-words-heading"
          title="In plain words"
          subtitle={
            <>
              “Ahead” means more money earned so far, after paying for programs and exams, in{' '}
              {dollarsWords(dollars)}.
            </>
          }
        />
        <div className="compare-words__pairs">
          {model.pairs.map((pair) => (
            <div key={pair.other.id} className="compare-words__pair">
              <h3 className="compare-words__title">
                <span className="series-chip" data-letter={pair.other.style.letter}>
                  {pair.other.style.letter}
                </span>
                {quoted(pair.other.label)} against{' '}
                <span className="series-chip" data-letter={first.style.letter}>
                  {first.style.letter}
                </span>
                {quoted(first.label)}
              </h3>
              <ul className="compare-words__list">
                {pair.sentences.map((sentence) => (
                  <li key={sentence} data-testid="compare-sentence">
                    {sentence}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
        {model.notes.length > 0 && (
          <ul className="compare-words__notes">
            {model.notes.map((note) => (
              <li key={note} className="notice notice--info">
                {note}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card" aria-labelledby="compare-salary-heading">
        <CardHeader
          headingId="compare-salary-heading"
          title="Salary each year"
          subtitle="Each line is a plan's most likely salary; the light band around it is the range most people in that job earn."
        >
          <ShowRangesToggle checked={showBands} onChange={onShowBands} />
        </CardHeader>
        <MultiLineChart
          labels={model.axis.labels}
          series={salarySeries}
          currency={currency}
          showBands={showBands}
          tall
          testId="compare-salary-chart"
          summary={seriesChartSummary('yearly salary', dollars, model.axis, salarySeries, currency)}
        />
      </section>

      <section className="card" aria-labelledby="compare-net-heading">
        <CardHeader
          headingId="compare-net-heading"
          title="Money earned so far, after costs"
          subtitle="Everything each plan has earned by that year, minus what it spent on programs and exams. Where a line crosses another, the plan behind has caught up."
        />
        <MultiLineChart
          labels={model.axis.labels}
          series={netSeries}
          currency={currency}
          testId="compare-net-chart"
          summary={seriesChartSummary(
            'money earned so far after costs',
            dollars,
            model.axis,
            netSeries,
            currency,
          )}
        />
      </section>

      <CompareTable model={model} dollars={dollars} metric={metric} onMetric={onMetric} />
    </>
  );
}

function PlanCard({
  plan,
  pair,
  first,
  lookup,
  onOpen,
}: {
  plan: ComparedPlan;
  pair: PlanPair | null;
  first: ComparedPlan;
  lookup: Lookup;
  onOpen: () => void;
}) {
  const p = plan.projection;
  const c = p.currency;
  const last = p.years[p.years.length - 1];
  const after5 = netAfter(p, 5);
  const after10 = netAfter(p, 10);
  const aheadRow = pair ? aheadFrom(pair.comparison) : null;
  // Said only when B falls behind again after first drawing level (a cost paid later).
  const breakEvenYear = pair?.comparison.breakEvenYear ?? null;
  const showAhead = pair !== null && (aheadRow ? aheadRow.year !== breakEvenYear : breakEvenYear !== null);
  const startRole = p.years[0]?.role ?? plan.plan.start.role;
  const endRole = last?.role ?? startRole;
  return (
    <article
      className={`compare-card${plan.position === 0 ? ' compare-card--first' : ''}`}
      data-testid={`compare-card-${plan.style.letter}`}
      aria-labelledby={`compare-card-${plan.style.letter}-name`}
    >
      <header className="compare-card__header">
        <span className="series-chip series-chip--large" data-letter={plan.style.letter} aria-hidden="true">
          {plan.style.letter}
        </span>
        <div className="compare-card__title-block">
          <h2 id={`compare-card-${plan.style.letter}-name`} className="compare-card__name">
            <span className="visually-hidden">Plan {plan.style.letter}: </span>
            <bdi>{plan.plan.name}</bdi>
          </h2>
          <p className="compare-card__meta">
            {lookup.roleTitle(startRole)}
            {endRole !== startRole ? ` → ${lookup.roleTitle(endRole)}` : ''} ·{' '}
            {lookup.placeName(plan.plan.start.place)} · {yearSpan(plan.plan.startYear, plan.plan.years)}
          </p>
        </div>
      </header>
      <dl className="compare-card__stats">
        <div className="compare-card__stat" data-testid="after-5">
          <dt>After 5 years</dt>
          <dd className="num">{after5 === null ? '—' : formatMoney(after5, c)}</dd>
          {pair && (
            <dd className="compare-card__diff num" data-testid="diff-5">
              {pair.comparison.after5 === null ? '—' : `${formatSignedMoney(pair.comparison.after5, c)} vs A`}
            </dd>
          )}
        </div>
        <div className="compare-card__stat" data-testid="after-10">
          <dt>After 10 years</dt>
          <dd className="num">{after10 === null ? '—' : formatMoney(after10, c)}</dd>
          {pair && (
            <dd className="compare-card__diff num" data-testid="diff-10">
              {pair.comparison.after10 === null
                ? '—'
                : `${formatSignedMoney(pair.comparison.after10, c)} vs A`}
            </dd>
          )}
        </div>
      </dl>
      <dl className="compare-card__facts">
        <div>
          <dt>Salary in {last?.year ?? '—'}</dt>
          <dd className="num">{last ? formatMoney(last.salary, c) : '—'}</dd>
        </div>
        <div>
          <dt>Programs and exams</dt>
          <dd className="num">{p.totals.costs ? formatMoney(p.totals.costs, c) : 'None'}</dd>
        </div>
        <div data-testid="break-even">
          <dt>{pair ? `Break-even with ${first.style.letter}` : 'Plan A'}</dt>
          <dd className={pair ? 'num' : 'muted'}>
            {pair ? breakEvenText(pair.comparison) : 'The others are measured against it'}
          </dd>
        </div>
        {pair && showAhead && (
          <div data-testid="ahead-from">
            <dt>{aheadRow ? `Ahead of ${first.style.letter} for good from` : 'At the end'}</dt>
            <dd className="num">
              {aheadRow ? comparedYearText(pair.comparison, aheadRow) : `Behind ${first.style.letter}`}
            </dd>
          </div>
        )}
      </dl>
      <button type="button" className="button button--link button--small compare-card__open" onClick={onOpen}>
        Open in the planner<span className="visually-hidden">: {plan.plan.name}</span>
      </button>
    </article>
  );
}

function CompareTable({
  model,
  dollars,
  metric,
  onMetric,
}: {
  model: Extract<CompareModel, { status: 'ok' }>;
  dollars: Dollars;
  metric: Metric;
  onMetric: (metric: Metric) => void;
}) {
  const rows = compareRows(model, metric);
  const c = model.plans[0]!.projection.currency;
  const first = model.plans[0]!;
  return (
    <section className="card card--flush" aria-labelledby="compare-table-title">
      <div className="compare-table__head">
        <div>
          <h2 id="compare-table-title" className="data-table__title">
            Year by year
          </h2>
          <p className="data-table__subtitle muted">
            {metric === 'net'
              ? 'Money earned so far, after costs, and how far each plan is ahead of (+) or behind (−) plan A.'
              : 'Salary each year with its likely range, and how much more (+) or less (−) than plan A.'}{' '}
            In {dollarsWords(dollars)}
            {c !== 'USD' ? ` (${c})` : ''}.
          </p>
        </div>
        <div className="segmented segmented--compact" role="group" aria-label="Show in the table">
          <div className="segmented__options">
            <button
              type="button"
              className="segmented__button"
              aria-pressed={metric === 'net'}
              onClick={() => onMetric('net')}
            >
              Earned so far
            </button>
            <button
              type="button"
              className="segmented__button"
              aria-pressed={metric === 'salary'}
              onClick={() => onMetric('salary')}
            >
              Salary
            </button>
          </div>
        </div>
      </div>
      <div className="table-wrap">
        <table className="data-table compare-table" data-testid="compare-table" data-metric={metric}>
          <caption className="visually-hidden">
            Year by year: {metric === 'net' ? 'money earned so far after costs' : 'salary'} of each plan, and
            its difference from plan A
          </caption>
          <thead>
            <tr>
              <th scope="col">{model.axis.calendar ? 'Year' : 'Year of plan'}</th>
              {model.plans.map((p) => (
                <PlanHeaders key={p.id} plan={p} first={first} />
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.index} className={row.milestone ? 'is-milestone' : undefined}>
                <th scope="row" className="num compare-table__year">
                  {row.label}
                  {row.milestone && <span className="compare-table__tag">after {row.index + 1} years</span>}
                </th>
                {row.cells.map((cell, position) => (
                  <CellGroup key={position} cell={cell} position={position} currency={c} metric={metric} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function PlanHeaders({ plan, first }: { plan: ComparedPlan; first: ComparedPlan }) {
  return (
    <>
      <th scope="col" className="num">
        <span className="compare-table__plan">
          <span className="series-chip" data-letter={plan.style.letter} aria-hidden="true">
            {plan.style.letter}
          </span>
          <span className="compare-table__plan-name">{plan.label}</span>
        </span>
      </th>
      {plan.position > 0 && (
        <th scope="col" className="num compare-table__diff-head">
          {plan.style.letter} vs {first.style.letter}
          <span className="visually-hidden">
            : {plan.label} minus {first.label}
          </span>
        </th>
      )}
    </>
  );
}

function CellGroup({
  cell,
  position,
  currency,
  metric,
}: {
  cell: ReturnType<typeof compareRows>[number]['cells'][number];
  position: number;
  currency: string;
  metric: Metric;
}) {
  const diffClass =
    cell.difference === null || cell.difference === 0
      ? ''
      : cell.difference > 0
        ? ' compare-table__diff--ahead'
        : ' compare-table__diff--behind';
  return (
    <>
      <td className="num num--strong" data-testid="value">
        {formatMoney(cell.value, currency)}
        {metric === 'salary' && cell.low !== null && cell.high !== null && (
          <span className="compare-table__range">
            {formatMoney(cell.low, currency)}
            <span aria-hidden="true">–</span>
            <span className="visually-hidden"> to </span>
            {formatMoney(cell.high, currency)}
          </span>
        )}
      </td>
      {position > 0 && (
        <td className={`num compare-table__diff${diffClass}`} data-testid="difference">
          {formatSignedMoney(cell.difference, currency)}
        </td>
      )}
    </>
  );
}
