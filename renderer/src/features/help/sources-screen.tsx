/**
 * "Sources": every source in the data pack — publisher, dataset, period, where the figures were
 * obtained — and what in the app rests on it (roles, places, settings, certifications…). The
 * planner's source notes open this screen at the source they cite.
 */
import { useEffect, useMemo, useState } from 'react';
import type { DataPack, Source } from '../../../../shared/datapack/schema';
import { formatPercent } from '../planner/format';
import { sourceUsage, usageCount, type UsageGroup } from './source-usage';

const kindLabels: Record<Source['kind'], string> = {
  'official-statistics': 'Official statistics',
  survey: 'Survey',
  'career-guide': 'Career guide',
  secondary: 'Reported by another source',
};
const kindOrder: Source['kind'][] = ['official-statistics', 'survey', 'career-guide', 'secondary'];

/** "2025-05-01" → "May 2025". */
function monthYear(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  return Number.isNaN(date.getTime())
    ? isoDate
    : date.toLocaleDateString('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });
}

export function sourceAnchor(id: string): string {
  return `source-${id}`;
}

const SHOWN_ITEMS = 6;

function UsageList({ group }: { group: UsageGroup }) {
  const shown = group.items.slice(0, SHOWN_ITEMS);
  const rest = group.items.slice(SHOWN_ITEMS);
  return (
    <div className="source-use">
      <dt className="source-use__label">{group.label}</dt>
      <dd className="source-use__items">
        <ul>
          {shown.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
        {rest.length > 0 && (
          <details className="source-use__more">
            <summary>and {rest.length} more</summary>
            <ul>
              {rest.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          </details>
        )}
      </dd>
    </div>
  );
}

interface SourcesScreenProps {
  pack: DataPack;
  /** A source to scroll to and highlight (from a figure's "See in Sources"). */
  focusId?: string | null;
}

export function SourcesScreen({ pack, focusId }: SourcesScreenProps) {
  const usage = useMemo(() => sourceUsage(pack), [pack]);
  const [kind, setKind] = useState<Source['kind'] | 'all'>('all');
  const counts = useMemo(() => {
    const map = new Map<Source['kind'], number>();
    for (const s of pack.sources) map.set(s.kind, (map.get(s.kind) ?? 0) + 1);
    return map;
  }, [pack]);
  const focusKind = pack.sources.find((s) => s.id === focusId)?.kind;
  // A source asked for is always shown, whatever the filter.
  const shownKind = focusKind && kind !== 'all' && kind !== focusKind ? 'all' : kind;
  const shown = pack.sources.filter((s) => shownKind === 'all' || s.kind === shownKind);

  useEffect(() => {
    if (!focusId) return;
    const target = document.getElementById(sourceAnchor(focusId));
    if (!target) return;
    target.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
  }, [focusId]);

  const assumptions = (
    Object.entries(pack.defaults) as Array<
      [keyof DataPack['defaults'], DataPack['defaults'][keyof DataPack['defaults']]]
    >
  ).filter(([, figure]) => 'assumption' in figure);
  const defaultLabels: Record<keyof DataPack['defaults'], (v: number) => string> = {
    inflationPct: (v) => `Inflation: ${formatPercent(v)} a year`,
    realRaisePct: (v) => `Yearly raise above inflation: ${formatPercent(v)}`,
    hoursPerWeek: (v) => `Hours per week: ${v}`,
    horizonYears: (v) => `Years to plan: ${v}`,
  };

  return (
    <div className="sources-screen" data-testid="sources-screen">
      <div className="sources-screen__intro card card--quiet">
        <p>
          Every figure in Pathway Planner comes from one of these{' '}
          <strong>{pack.sources.length} sources</strong>, or is an assumption you can change. Data pack{' '}
          {pack.version}; the newest figures are from {monthYear(pack.dataAsOf)}.
        </p>
        <div className="sources-filter" role="group" aria-label="Show sources of one kind">
          <button
            type="button"
            className="button button--chip"
            aria-pressed={shownKind === 'all'}
            onClick={() => setKind('all')}
          >
            All <span className="sources-filter__count">{pack.sources.length}</span>
          </button>
          {kindOrder
            .filter((k) => counts.has(k))
            .map((k) => (
              <button
                key={k}
                type="button"
                className="button button--chip"
                aria-pressed={shownKind === k}
                onClick={() => setKind(k)}
              >
                {kindLabels[k]} <span className="sources-filter__count">{counts.get(k)}</span>
              </button>
            ))}
        </div>
      </div>

      <ol className="source-entries" aria-label="Sources">
        {shown.map((source) => {
          const groups = usage.get(source.id) ?? [];
          const n = usageCount(groups);
          return (
            <li key={source.id}>
              <article
                id={sourceAnchor(source.id)}
                tabIndex={-1}
                className={`source-entry card${focusId === source.id ? ' is-target' : ''}`}
                aria-labelledby={`${sourceAnchor(source.id)}-title`}
                data-source-id={source.id}
              >
                <header className="source-entry__header">
                  <div>
                    <h2 id={`${sourceAnchor(source.id)}-title`} className="source-entry__publisher">
                      {source.publisher}
                      {/* A short period tells apart the releases of one publisher (BLS May 2022, May 2023…). */}
                      {source.period.length <= 14 && (
                        <span className="source-entry__period"> · {source.period}</span>
                      )}
                    </h2>
                    <p className="source-entry__dataset">{source.dataset}</p>
                  </div>
                  <span className={`badge source-entry__kind source-entry__kind--${source.kind}`}>
                    {kindLabels[source.kind]}
                  </span>
                </header>
                <dl className="source-entry__facts">
                  <div>
                    <dt>Period</dt>
                    <dd>{source.period}</dd>
                  </div>
                  <div>
                    <dt>Where we got it</dt>
                    <dd className="source-entry__obtained">{source.obtained}</dd>
                  </div>
                  {source.url && (
                    <div>
                      <dt>Web page</dt>
                      <dd>
                        <a href={source.url} target="_blank" rel="noreferrer" className="source-entry__url">
                          {source.url}
                        </a>
                      </dd>
                    </div>
                  )}
                  {source.notes && (
                    <div>
                      <dt>Notes</dt>
                      <dd>{source.notes}</dd>
                    </div>
                  )}
                </dl>
                <section className="source-entry__usage" aria-label={`Where ${source.publisher} is used`}>
                  <h3 className="source-entry__usage-title">
                    Used for{' '}
                    <span className="muted">
                      {n === 0 ? '— nothing in this data pack cites it directly' : `(${n})`}
                    </span>
                  </h3>
                  {groups.length > 0 && (
                    <dl className="source-uses">
                      {groups.map((group) => (
                        <UsageList key={group.id} group={group} />
                      ))}
                    </dl>
                  )}
                </section>
              </article>
            </li>
          );
        })}
      </ol>

      {assumptions.length > 0 && (
        <section className="card card--quiet" aria-labelledby="assumptions-list-heading">
          <h2 id="assumptions-list-heading" className="card__title">
            Assumptions (not published figures)
          </h2>
          <p className="card__subtitle">
            Defaults nobody publishes. Each plan can change them under Assumptions.
          </p>
          <ul className="assumption-list">
            {assumptions.map(([key, figure]) => (
              <li key={key}>
                <strong>{defaultLabels[key](figure.value)}</strong>
                <span>{'assumption' in figure ? figure.assumption : ''}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
