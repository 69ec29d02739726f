/** What a first-time user sees: a friendly invitation to start a plan. */
export function EmptyState({ onStart }: { onStart: () => void }) {
  return (
    <div className="empty-state" data-testid="empty-state">
      <div className="empty-state__art" aria-hidden="true">
        <svg viewBox="0 0 240 140" width="240" height="140">
          <rect x="0" y="0" width="240" height="140" rx="18" fill="#eef4f5" />
          <path d="M24 112 H216" stroke="#cfdde0" strokeWidth="2" />
          <path d="M24 84 H216 M24 56 H216" stroke="#e0e9eb" strokeWidth="1.5" strokeDasharray="4 5" />
          <path
            d="M28 100 C70 96 88 82 112 74 S168 48 212 34 L212 58 C168 70 140 88 112 94 S70 108 28 112 Z"
            fill="#0e5e6f"
            opacity="0.12"
          />
          <path
            d="M28 106 C70 102 88 90 112 84 S168 60 212 46"
            fill="none"
            stroke="#0e5e6f"
            strokeWidth="4"
            strokeLinecap="round"
          />
          <circle cx="112" cy="84" r="7" fill="#fff" stroke="#0e5e6f" strokeWidth="3" />
          <circle cx="172" cy="62" r="7" fill="#fff" stroke="#c2562b" strokeWidth="3" />
          <circle cx="212" cy="46" r="5" fill="#0e5e6f" />
        </svg>
      </div>
      <h1 className="empty-state__title">You don't have any plans yet.</h1>
      <p className="empty-state__text">
        Start one — it takes a minute. Pick a first job, add steps like a certification or a move up, and see
        what you could earn each year.
      </p>
      <button type="button" className="button button--primary button--large" onClick={onStart}>
        Start a plan
      </button>
      <ul className="empty-state__points">
        <li>
          <strong>Real pay data</strong> from the U.S. Bureau of Labor Statistics and career guides
        </li>
        <li>
          <strong>Every number explained</strong>, with where it comes from
        </li>
        <li>
          <strong>Saved automatically</strong> on this computer
        </li>
      </ul>
    </div>
  );
}
