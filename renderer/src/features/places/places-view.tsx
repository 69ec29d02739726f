/**
 * The Places screen: the open plan as if it started somewhere else — up to five places side by
 * side, each projected by the shared engine with the plan's start place replaced — and what the
 * pay is worth at home once prices are taken into account (BEA regional price parities). Where a
 * place has no data for a role, the engine's warning says so next to it.
 */
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { DataPackIndex } from '../../../../shared/engine/data-pack-index';
import type { ChannelOutput } from '../../../../shared/ipc/contract';
import { purchasingPowerSentence } from '../../../../shared/places/cost-of-living';
import { api, friendlyError } from '../../api';
import { CardHeader } from '../../components/card-header';
import { Field } from '../../components/field';
import { NumberInput } from '../../components/number-input';
import { Select } from '../../components/select';
import {
  defaultDollars,
  dollarsWords,
  formatSignedMoney,
  seriesChartSummary,
  type Dollars,
} from '../compare/compare-model';
import { DollarsToggle } from '../compare/dollars-toggle';
import { ChartTable } from '../compare/chart-table';
import { MultiLineChart, ShowRangesToggle, type ChartSeries } from '../compare/multi-line-chart';
import { SeeSourceButton } from '../help/source-link';
import { formatMoney, yearSpan } from '../planner/format';
import type { PlannerOptions } from '../planner/options';
import type { Lookup } from '../planner/pack-lookup';
import {
  addPlace,
  buildPlacesModel,
  defaultPlaces,
  MAX_PLACES,
  removePlace,
  type PlaceRow,
} from './places-model';
import '../compare/explore.css';
import './places.css';

type StoredPlan = ChannelOutput<'plans:get'>;

interface PlacesViewProps {
  planId: number | null;
  /** When the plan was last saved: a newer one is loaded again. */
  updatedAt: string | null;
  index: DataPackIndex;
  lookup: Lookup;
  options: PlannerOptions;
  onNewPlan: () => void;
  onOpenPlanner: () => void;
}

/** Places picked per plan while the app runs, so coming back shows the same ones. */
const rememberedPlaces = new Map<number, string[]>();
let rememberedDollars: Dollars | null = null;

export function PlacesView(props: PlacesViewProps) {
  const { planId, updatedAt, onNewPlan } = props;
  const [loaded, setLoaded] = useState<
    | { id: number; updatedAt: string | null; stored: StoredPlan }
    | { id: number; updatedAt: string | null; error: string }
    | null
  >(null);

  useEffect(() => {
    document.title = 'Places — Pathway Planner';
    return () => {
      document.title = 'Pathway Planner';
    };
  }, []);

  useEffect(() => {
    if (planId === null) return;
    let cancelled = false;
    api.plans
      .get(planId)
      .then((stored) => !cancelled && setLoaded({ id: planId, updatedAt, stored }))
      .catch(
        (error: unknown) =>
          !cancelled &&
          setLoaded({ id: planId, updatedAt, error: friendlyError(error, 'opening your plan') }),
      );
    return () => {
      cancelled = true;
    };
  }, [planId, updatedAt]);

  if (planId === null) {
    return (
      <div className="explore" data-testid="places-view">
        <PlacesHeader title="Places" />
        <section className="card explore__empty">
          <h2 className="card__title">Start a plan first</h2>
          <p className="card__subtitle">
            Places shows one of your plans in other states and cities. You don't have a plan yet.
          </p>
          <div>
            <button type="button" className="button button--primary" onClick={onNewPlan}>
              Start a plan
            </button>
          </div>
        </section>
      </div>
    );
  }
  if (!loaded || loaded.id !== planId) {
    return (
      <div className="explore" data-testid="places-view" aria-busy="true">
        <PlacesHeader title="Places" />
        <p className="muted">Opening your plan…</p>
      </div>
    );
  }
  if ('error' in loaded) {
    return (
      <div className="explore" data-testid="places-view">
        <PlacesHeader title="Places" />
        <p className="notice notice--error" role="alert">
          {loaded.error}
        </p>
      </div>
    );
  }
  return <PlacesForPlan key={loaded.stored.id} stored={loaded.stored} {...props} />;
}

function PlacesHeader({ title, lead, children }: { title: string; lead?: string; children?: ReactNode }) {
  return (
    <header className="explore__header">
      <div className="explore__title-block">
        <p className="explore__eyebrow">Places</p>
        <h1 className="explore__title">{title}</h1>
        {lead && <p className="explore__lead">{lead}</p>}
      </div>
      {children}
    </header>
  );
}

function PlacesForPlan({
  stored,
  index,
  lookup,
  options,
  onOpenPlanner,
}: PlacesViewProps & { stored: StoredPlan }) {
  const plan = stored.plan;
  const [places, setPlaces] = useState<string[]>(
    () => rememberedPlaces.get(stored.id) ?? defaultPlaces(plan, index),
  );
  const [dollarsChoice, setDollarsChoice] = useState<Dollars | null>(rememberedDollars);
  const [adding, setAdding] = useState('');
  const [showBands, setShowBands] = useState(false);
  const dollars = dollarsChoice ?? defaultDollars([plan]);

  const model = useMemo(() => buildPlacesModel(plan, places, index, dollars), [plan, places, index, dollars]);
  const home = model.rows[0]!;
  const homeName = home.name;
  const change = (next: string[]) => {
    rememberedPlaces.set(stored.id, next);
    setPlaces(next);
  };

  const chosen = new Set(model.rows.map((r) => r.placeId));
  const addGroups = options.places.map((g) => ({
    label: g.label,
    options: g.options.filter((o) => !chosen.has(o.value)),
  }));
  const full = model.rows.length >= MAX_PLACES;
  const sameCurrency = model.rows.filter((r) => !r.otherCurrency && r.projection);
  const currency = home.currency;
  const labels = home.projection?.years.map((y) => String(y.year)) ?? [];
  const series: ChartSeries[] = sameCurrency.map((r) => ({
    label: r.name,
    style: r.style,
    values: r.projection!.years.map((y) => y.salary),
    low: r.projection!.years.map((y) => y.salaryLow),
    high: r.projection!.years.map((y) => y.salaryHigh),
  }));
  const years = home.projection?.years.length ?? plan.years;
  const firstYear = plan.startYear;
  const lastYear = plan.startYear + plan.years - 1;
  const rppSource = index.pack.priceLevels[0]?.sourceId ?? null;

  return (
    <div className="explore" data-testid="places-view">
      <PlacesHeader
        title={`“${plan.name}” in other places`}
        lead={`The same plan — ${lookup.roleTitle(plan.start.role)}, the same steps, ${yearSpan(plan.startYear, plan.years)} — started somewhere else. Pay follows each place's wage data; prices follow BEA's price levels.`}
      >
        <DollarsToggle
          value={dollars}
          onChange={(value) => {
            rememberedDollars = value;
            setDollarsChoice(value);
          }}
        />
      </PlacesHeader>

      <section className="card" aria-labelledby="places-pick-heading">
        <CardHeader
          headingId="places-pick-heading"
          title="Places to compare"
          subtitle={
            <>
              Up to {MAX_PLACES}. The first is where your plan starts.{' '}
              <button type="button" className="button button--link button--small" onClick={onOpenPlanner}>
                Change it in the planner
              </button>
            </>
          }
        />
        <div className="place-picks">
          <ul className="place-chips" aria-label="Places picked">
            {model.rows.map((row) => (
              <li key={row.placeId} className="place-chip">
                <span className="series-chip" data-letter={row.style.letter} aria-hidden="true">
                  {row.style.letter}
                </span>
                <span className="place-chip__name">{row.name}</span>
                {row.home ? (
                  <span className="badge">Your plan</span>
                ) : (
                  <button
                    type="button"
                    className="place-chip__remove"
                    aria-label={`Remove ${row.name}`}
                    onClick={() => change(removePlace(places, row.placeId))}
                  >
                    <span aria-hidden="true">×</span>
                  </button>
                )}
              </li>
            ))}
          </ul>
          <form
            className="place-add"
            onSubmit={(event) => {
              event.preventDefault();
              if (!adding) return;
              change(addPlace([home.placeId, ...places.filter((p) => p !== home.placeId)], adding));
              setAdding('');
            }}
          >
            <Field label="Add a place" hint={full ? `That's ${MAX_PLACES}, the most at a time.` : undefined}>
              {(c) => <Select {...c} value={adding} disabled={full} groups={addGroups} onValue={setAdding} />}
            </Field>
            <button type="submit" className="button button--secondary" disabled={full || !adding}>
              Add
            </button>
          </form>
        </div>
        {model.moves.map((move) => (
          <p key={move} className="notice notice--info place-move">
            {move}
          </p>
        ))}
      </section>

      <section className="card card--flush" aria-labelledby="places-table-title">
        <div className="compare-table__head">
          <div>
            <h2 id="places-table-title" className="data-table__title">
              Pay in each place
            </h2>
            <p className="data-table__subtitle muted">
              In {dollarsWords(dollars)}. “Earned” is everything earned over the plan's {years} years minus
              programs and exams.
            </p>
          </div>
        </div>
        <div className="table-wrap">
          <table className="data-table places-table" data-testid="places-table">
            <caption className="visually-hidden">
              Pay in each place, and what it is worth at {homeName}'s prices
            </caption>
            <thead>
              <tr>
                <th scope="col">Place</th>
                <th scope="col" className="num">
                  Salary in {firstYear}
                </th>
                <th scope="col" className="num">
                  Salary in {lastYear}
                </th>
                <th scope="col" className="num">
                  Earned {yearSpan(plan.startYear, plan.years)}
                  <span className="data-table__th-note">after costs</span>
                </th>
                <th scope="col" className="num">
                  vs {homeName}
                </th>
                <th scope="col" className="num">
                  Price level
                  <span className="data-table__th-note">U.S. = 100</span>
                </th>
                <th scope="col" className="num">
                  {firstYear} salary at {homeName} prices
                </th>
              </tr>
            </thead>
            <tbody>
              {model.rows.map((row) => (
                <PlaceTableRow key={row.placeId} row={row} home={home} />
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <div className="explore__columns">
        <section className="card" aria-labelledby="places-chart-heading">
          <CardHeader
            headingId="places-chart-heading"
            title="Salary each year"
            subtitle="The same steps in every place; the table above has the figures."
          >
            <ShowRangesToggle checked={showBands} onChange={setShowBands} />
          </CardHeader>
          {series.length > 0 ? (
            <MultiLineChart
              labels={labels}
              series={series}
              currency={currency}
              showBands={showBands}
              testId="places-chart"
              summary={seriesChartSummary(
                'yearly salary by place',
                dollars,
                { labels, calendar: true },
                series,
                currency,
              )}
            />
          ) : (
            <p className="muted">No place here can be worked out.</p>
          )}
          {/* The table above has two years of each place; this one has every year the chart draws. */}
          {series.length > 0 && (
            <ChartTable
              caption={`Yearly salary in each place, in ${dollarsWords(dollars)}, with the likely range`}
              labels={labels}
              series={series}
              currency={currency}
              testId="places-chart-table"
            />
          )}
          {model.rows.some((r) => r.otherCurrency) && (
            <p className="places-note">
              Places in another currency are left off the chart: with no exchange rates their pay can't be put
              on the same scale.
            </p>
          )}
        </section>
        <CostOfLiving rows={model.rows} home={home} index={index} options={options} rppSource={rppSource} />
      </div>
    </div>
  );
}

function PlaceTableRow({ row, home }: { row: PlaceRow; home: PlaceRow }) {
  const p = row.projection;
  const first = p?.years[0];
  const last = p?.years[p.years.length - 1];
  const c = row.currency;
  const difference =
    p && home.projection && !row.otherCurrency && !row.home
      ? p.totals.net - home.projection.totals.net
      : null;
  return (
    <tr className={row.home ? 'is-home' : undefined} data-place={row.placeId}>
      <th scope="row" className="places-table__place">
        <span className="places-table__name">
          <span className="series-chip" data-letter={row.style.letter} aria-hidden="true">
            {row.style.letter}
          </span>
          {row.name}
          {row.home && <span className="badge">Your plan</span>}
        </span>
        {row.error && <span className="places-table__note places-table__note--error">{row.error}</span>}
        {row.notes.map((note) => (
          <span key={note} className="places-table__note">
            <span className="notice__icon" aria-hidden="true">
              !
            </span>
            <span data-testid="place-note">{note}</span>
          </span>
        ))}
        {row.otherCurrency && (
          <span className="places-table__note">
            <span className="notice__icon" aria-hidden="true">
              !
            </span>
            Pay here is in {row.currency}, not {home.currency}: it can't be compared directly.
          </span>
        )}
      </th>
      <td className="num num--strong" data-testid="first-salary">
        {first ? formatMoney(first.salary, c) : '—'}
      </td>
      <td className="num" data-testid="last-salary">
        {last ? formatMoney(last.salary, c) : '—'}
      </td>
      <td className="num num--strong" data-testid="total-net">
        {p ? formatMoney(p.totals.net, c) : '—'}
      </td>
      <td
        className={`num compare-table__diff${difference === null || difference === 0 ? '' : difference > 0 ? ' compare-table__diff--ahead' : ' compare-table__diff--behind'}`}
      >
        {row.home ? <span className="muted">—</span> : formatSignedMoney(difference, c)}
      </td>
      <td className="num">
        {row.priceLevel === null ? <span className="muted">none</span> : row.priceLevel.toFixed(1)}
      </td>
      <td className="num" data-testid="at-home-prices">
        {row.atHomePrices && row.atHomePrices.value !== null ? (
          formatMoney(row.atHomePrices.value, c)
        ) : (
          <span
            className="muted"
            title={row.atHomePrices?.value === null ? row.atHomePrices.reason : undefined}
          >
            can't tell
          </span>
        )}
      </td>
    </tr>
  );
}

function CostOfLiving({
  rows,
  home,
  index,
  options,
  rppSource,
}: {
  rows: PlaceRow[];
  home: PlaceRow;
  index: DataPackIndex;
  options: PlannerOptions;
  rppSource: string | null;
}) {
  const others = rows.filter((r) => !r.home && r.projection && !r.otherCurrency);
  const homeSalary = home.projection?.years[0]?.salary ?? 50_000;
  const [amount, setAmount] = useState<number | null>(Math.round(homeSalary / 1000) * 1000);
  const [from, setFrom] = useState(others[0]?.placeId ?? (home.placeId === 'US-CA' ? 'US-OH' : 'US-CA'));
  const [to, setTo] = useState(home.placeId);
  const usPlaces = options.places.filter((g) =>
    g.options.some((o) => index.places.get(o.value)?.currency === 'USD'),
  );
  const usGroups = usPlaces.map((g) => ({
    label: g.label,
    options: g.options.filter((o) => index.places.get(o.value)?.currency === 'USD'),
  }));
  const calculated =
    amount !== null && Number.isFinite(amount) && amount >= 0
      ? purchasingPowerSentence(amount, from, to, index)
      : 'Type an amount to see what it buys.';
  return (
    <section className="card" aria-labelledby="col-heading" data-testid="cost-of-living">
      <CardHeader
        headingId="col-heading"
        title="What the pay buys"
        subtitle={
          <>
            Prices differ too. BEA's regional price parities say how far a dollar goes in each state, so pay
            can be compared at the same prices.{' '}
            <SeeSourceButton sourceId={rppSource} label="About the price data" />
          </>
        }
      />
      {others.length > 0 ? (
        <ul className="col-sentences">
          {others.map((r) => (
            <li key={r.placeId} data-testid="col-sentence">
              {purchasingPowerSentence(r.projection!.years[0]!.salary, r.placeId, home.placeId, index)}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">Add a place above to see what its pay would buy in {home.name}.</p>
      )}
      <div className="col-calculator">
        <p className="col-calculator__title">Try any amount</p>
        <div className="col-calculator__fields">
          <Field label="Amount">
            {(c) => <NumberInput {...c} value={amount} prefix="$" onValue={setAmount} />}
          </Field>
          <Field label="In">
            {(c) => <Select {...c} value={from} groups={usGroups} onValue={setFrom} />}
          </Field>
          <Field label="Buys what this buys in">
            {(c) => <Select {...c} value={to} groups={usGroups} onValue={setTo} />}
          </Field>
        </div>
        <p className="col-calculator__answer" aria-live="polite" data-testid="col-answer">
          {calculated}
        </p>
      </div>
    </section>
  );
}
