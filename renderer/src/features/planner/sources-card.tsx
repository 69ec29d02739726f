/** "Where these numbers come from": every source behind the projection, for counselors and the curious. */
import type { Projection } from '../../../../shared/engine/types';
import { sourcesUsed } from './explain';
import type { Lookup } from './pack-lookup';
import { SeeSourceButton } from '../help/source-link';

const kindLabels = {
  'official-statistics': 'Official statistics',
  survey: 'Survey',
  'career-guide': 'Career guide',
  secondary: 'Reported by another source',
} as const;

export function SourcesCard({ projection, lookup }: { projection: Projection; lookup: Lookup }) {
  const ids = sourcesUsed(lookup, projection);
  const pack = lookup.pack;
  return (
    <details className="card card--quiet sources">
      <summary className="sources__summary">
        <span className="card__title">Where these numbers come from</span>
        <span className="muted">
          {ids.length} {ids.length === 1 ? 'source' : 'sources'} · data as of {pack.dataAsOf}
        </span>
      </summary>
      <ul className="sources__list">
        {ids.map((id) => {
          const s = lookup.source(id)!;
          return (
            <li key={id} className="sources__item">
              <p className="sources__publisher">
                {s.publisher} <span className="badge">{kindLabels[s.kind]}</span>
              </p>
              <p className="sources__dataset">{s.dataset}</p>
              <p className="muted">Period: {s.period}</p>
              <SeeSourceButton sourceId={id} label="Details and what uses it" />
            </li>
          );
        })}
        <li className="sources__item">
          <p className="sources__publisher">Assumptions</p>
          <p className="sources__dataset">
            Raises, inflation and anything marked “assumption” are editable guesses, not published figures.
            Data pack version {pack.version}.
          </p>
        </li>
      </ul>
    </details>
  );
}
