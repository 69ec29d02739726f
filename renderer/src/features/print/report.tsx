/**
 * The plan report as printed: a cover block (plan, student, date, data version), the headline
 * numbers, the pathway as a timeline, the charts, the comparison, the assumptions and every
 * figure the plan sets itself, the year-by-year table, the warnings, the sources with their
 * dates, and what a projection is and is not. Written for a family reading it at the kitchen
 * table, and for a counselor's file.
 */
import { useCallback, useRef } from 'react';
import { YearTableHead } from '../planner/year-table-head';
import { EarnedPrintChart, PRINT_COLORS, PRINT_DASH, SalaryPrintChart } from './report-chart';
import type { ReportModel } from './report-model';
import type { Paper } from './print-params';

/** Content width in CSS px: the paper width less the PDF margins (0.6 in each side), less a hair. */
export const CONTENT_WIDTH: Record<Paper, number> = { letter: 698, a4: 676 };

interface SwatchProps {
  color: string;
  dash?: number[];
  width?: number;
  hatch?: boolean;
  marker?: boolean;
}

function Swatch({ color, dash, width = 2.5, hatch, marker }: SwatchProps) {
  return (
    <svg width="30" height="12" viewBox="0 0 30 12" aria-hidden="true" className="legend__swatch">
      {hatch && (
        <>
          <defs>
            <pattern id="legend-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)">
              <rect width="6" height="6" fill="rgba(126,158,166,0.10)" />
              <line x1="0" y1="0" x2="0" y2="6" stroke="rgba(80,110,120,0.55)" strokeWidth="1.4" />
            </pattern>
          </defs>
          <rect x="0" y="1" width="30" height="10" fill="url(#legend-hatch)" />
          <line x1="0" y1="1" x2="30" y2="1" stroke={color} strokeWidth="1" strokeDasharray="1.5 2.5" />
          <line x1="0" y1="11" x2="30" y2="11" stroke={color} strokeWidth="1" strokeDasharray="1.5 2.5" />
        </>
      )}
      {!hatch && !marker && (
        <line x1="0" y1="6" x2="30" y2="6" stroke={color} strokeWidth={width} strokeDasharray={dash?.join(' ')} />
      )}
      {marker && <polygon points="15,1.5 19.5,6 15,10.5 10.5,6" fill="#ffffff" stroke={color} strokeWidth="1.6" />}
    </svg>
  );
}

function Legend({ items }: { items: Array<SwatchProps & { label: string }> }) {
  return (
    <ul className="legend">
      {items.map(({ label, ...swatch }) => (
        <li key={label} className="legend__item">
          <Swatch {...swatch} />
          {label}
        </li>
      ))}
    </ul>
  );
}

export function Report({ model, paper, onReady }: { model: ReportModel; paper: Paper; onReady: () => void }) {
  const width = CONTENT_WIDTH[paper];
  const charts = 2;
  const drawn = useRef(0);
  const onDrawn = useCallback(() => {
    drawn.current += 1;
    if (drawn.current === charts) onReady();
  }, [onReady]);
  const { projection, comparison } = model;
  const stepYears = new Set(model.pathway.filter((p) => !p.isStart).map((p) => p.year));
  const other = comparison?.other ?? null;

  return (
    <article className="report" data-paper={paper}>
      <header className="report__header">
        <p className="report__kicker">Pathway Planner · Career plan report</p>
        <h1 className="report__title" dir="auto">
          {model.title}
        </h1>
        <dl className="report__meta">
          {model.studentName && (
            <div>
              <dt>Prepared for</dt>
              <dd data-testid="student-name">{model.studentName}</dd>
            </div>
          )}
          <div>
            <dt>Date</dt>
            <dd>{model.preparedOn}</dd>
          </div>
          <div>
            <dt>Years</dt>
            <dd>{model.span}</dd>
          </div>
          <div>
            <dt>Data</dt>
            <dd>
              Data pack {model.packVersion} · pay data as of {model.dataAsOf}
            </dd>
          </div>
        </dl>
        <p className="report__money-note">{model.moneyNote}</p>
      </header>

      <section className="stats" aria-label="Summary">
        {model.summary.map((stat) => (
          <div key={stat.label} className="stat">
            <p className="stat__label">{stat.label}</p>
            <p className="stat__value">{stat.value}</p>
            <p className="stat__note">{stat.note}</p>
          </div>
        ))}
      </section>

      <section className="block block--keep" aria-labelledby="pathway-heading">
        <h2 id="pathway-heading">The pathway</h2>
        <ol className="pathway">
          {model.pathway.map((item, i) => (
            <li key={i} className={`pathway__item${item.isStart ? ' pathway__item--start' : ''}`}>
              <span className="pathway__year">{item.year}</span>
              <span className="pathway__marker" aria-hidden="true" />
              <span className="pathway__text">
                <span className="pathway__title">{item.title}</span>
                {item.detail && <span className="pathway__detail">{item.detail}</span>}
              </span>
            </li>
          ))}
        </ol>
      </section>

      <section className="block block--keep" aria-labelledby="salary-heading">
        <h2 id="salary-heading">Salary each year</h2>
        <p className="block__lead">
          The line is the most likely salary; the hatched band is the range the {model.bandRange.replace('–', ' to ')} of
          people in that job earn.
        </p>
        <SalaryPrintChart projection={projection} other={other} stepYears={stepYears} width={width} onDrawn={onDrawn} />
        <Legend
          items={[
            { label: 'Salary', color: PRINT_COLORS.salary },
            { label: 'Likely range', color: PRINT_COLORS.band, hatch: true },
            ...(stepYears.size > 0 ? [{ label: 'Year of a step', color: PRINT_COLORS.salary, marker: true }] : []),
            ...(other ? [{ label: `Compared with: ${other.name}`, color: PRINT_COLORS.other, dash: PRINT_DASH.other, width: 2 }] : []),
          ]}
        />
      </section>

      <section className="block block--keep about" aria-labelledby="about-heading">
        <h2 id="about-heading">What this projection is, and what it is not</h2>
        <div className="about__columns">
          <p>
            <strong>It is an estimate</strong> of what this plan could pay each year, from published pay statistics
            for these jobs and places and the assumptions in this report. The same plan always gives the same
            numbers, and every figure is traced to a source listed at the end.
          </p>
          <p>
            <strong>It is not a promise</strong> or a job offer. Real pay depends on the employer, the job market, the
            hours worked and the economy. Amounts are before taxes and leave out benefits; many people earn outside
            the likely range. Use it to compare paths, then check current job postings and program prices.
          </p>
        </div>
      </section>

      {(comparison || model.comparisonError) && (
        <section className="block block--keep compare" aria-labelledby="compare-heading">
          <h2 id="compare-heading">Compared with “{comparison?.otherName ?? 'the other plan'}”</h2>
          {comparison ? (
            <>
              <p className="compare__break-even">{comparison.breakEven}</p>
              <ul className="compare__sentences">
                {comparison.sentences.map((s) => (
                  <li key={s}>{s}</li>
                ))}
              </ul>
              {comparison.notes.map((note) => (
                <p key={note} className="muted small">
                  {note}
                </p>
              ))}
              <p className="muted small">
                “Ahead by” compares money earned so far after costs, counted from each plan's first year.
              </p>
            </>
          ) : (
            <p>{model.comparisonError}</p>
          )}
        </section>
      )}

      <section className="block block--keep" aria-labelledby="earned-heading">
        <h2 id="earned-heading">Money earned so far</h2>
        <p className="block__lead">Everything earned from the first year on, minus what was spent on programs and exams.</p>
        <EarnedPrintChart
          projection={projection}
          other={other}
          width={width}
          breakEvenYear={comparison?.comparison.breakEvenYear ?? null}
          onDrawn={onDrawn}
        />
        <Legend
          items={[
            { label: other ? model.title : 'Earned so far, after costs', color: PRINT_COLORS.net },
            other
              ? { label: other.name, color: PRINT_COLORS.other, dash: PRINT_DASH.other, width: 2 }
              : { label: 'Spent on training so far', color: PRINT_COLORS.costs, dash: PRINT_DASH.costs, width: 1.6 },
          ]}
        />
      </section>

      <section className="block block--keep" aria-labelledby="assumptions-heading">
        <h2 id="assumptions-heading">Assumptions</h2>
        <table className="assumptions">
          <tbody>
            {model.assumptions.map((a) => (
              <tr key={a.label}>
                <th scope="row">{a.label}</th>
                <td className="assumptions__value">
                  {a.value}
                  {a.changed && <span className="tag">Changed</span>}
                </td>
                <td className="assumptions__basis">{a.basis}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {model.ownFigures.length > 0 && (
          <>
            <h3 className="subhead">Figures set in this plan instead of the data pack's</h3>
            <ul className="plain-list">
              {model.ownFigures.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section className="block" aria-labelledby="table-heading">
        <h2 id="table-heading">Year by year</h2>
        <table className="years" data-testid="report-table">
          <YearTableHead bandRange={model.bandRange} noteClassName="th-note" />
          <tbody>
            {model.rows.map((row) => (
              <tr key={row.year} className={row.hasStep ? 'has-step' : undefined}>
                <th scope="row" className="num">
                  {row.year}
                  {row.hasStep && <span className="step-mark" role="img" aria-label="a step this year" />}
                </th>
                <td className={row.roleChanged ? 'role role--new' : 'role role--same'}>{row.role}</td>
                <td className="num strong">{row.salary}</td>
                <td className="num muted">
                  {row.low} – {row.high}
                </td>
                <td className="num">{row.costs}</td>
                <td className="num">{row.cumulativeNet}</td>
              </tr>
            ))}
            <tr className="total">
              <th scope="row" colSpan={2}>
                {model.totals.label}
              </th>
              <td className="num strong">{model.totals.earnings}</td>
              <td />
              <td className="num">{model.totals.costs}</td>
              <td className="num strong">{model.totals.net}</td>
            </tr>
          </tbody>
        </table>
        <p className="table-note muted small">
          <span className="step-mark step-mark--inline" aria-hidden="true" /> marks a year with a step. A role name in grey continues from the year before. Salary total is everything
          earned before costs; the last column takes off program and exam costs.
        </p>
      </section>

      {model.warnings.length > 0 && (
        <section className="block" aria-labelledby="warnings-heading">
          <h2 id="warnings-heading">Things to check</h2>
          <ul className="warnings">
            {model.warnings.map((w) => (
              <li key={`${w.years}|${w.message}`}>
                <span className="warnings__years">{w.years}</span>
                <span>{w.message}</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="block" aria-labelledby="sources-heading">
        <h2 id="sources-heading">Where the numbers come from</h2>
        <ol className="sources">
          {model.sources.map((s) => (
            <li key={s.id}>
              <span className="sources__publisher">{s.publisher}.</span>{' '}
              <span className="sources__dataset">{s.dataset}.</span>
              <span className="sources__meta">
                Date: {s.period} · {s.kind}
                {s.usedFor.length > 0 ? ` · used for ${s.usedFor.join(', ')}` : ''}
              </span>
            </li>
          ))}
        </ol>
        <p className="muted small">
          Raises, inflation and anything marked “assumption” are reasonable guesses, not published figures. Data pack{' '}
          {model.packVersion}, pay data as of {model.dataAsOf}.
        </p>
      </section>

    </article>
  );
}
