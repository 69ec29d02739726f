/**
 * Help that builds trust: how the numbers are worked out (the repository's own document) and
 * every source behind them. Two tabs; the app menu's Help items open either one.
 */
import { useEffect, type KeyboardEvent } from 'react';
import type { DataPack } from '../../../../shared/datapack/schema';
import { ProjectionsDoc } from './projections-doc';
import { SourcesScreen } from './sources-screen';
import '../compare/explore.css';
import './help.css';

export type HelpTab = 'projections' | 'sources';

const tabs: Array<{ id: HelpTab; label: string; title: string; lead: string }> = [
  {
    id: 'projections',
    label: 'How projections work',
    title: 'How projections work',
    lead: 'The whole model, in plain words first and then exactly. Nothing is hidden: every number the planner shows is built this way.',
  },
  {
    id: 'sources',
    label: 'Sources',
    title: 'Where the numbers come from',
    lead: 'Every source in the data pack: who published it, which period it covers, where the figures were taken from, and what in the app uses it.',
  },
];

interface HelpViewProps {
  pack: DataPack;
  tab: HelpTab;
  onTab: (tab: HelpTab) => void;
  /** A source to open at (Sources tab). */
  focusSourceId?: string | null;
}

export function HelpView({ pack, tab, onTab, focusSourceId }: HelpViewProps) {
  const current = tabs.find((t) => t.id === tab) ?? tabs[0]!;

  useEffect(() => {
    document.title = `${current.label} — Pathway Planner`;
    return () => {
      document.title = 'Pathway Planner';
    };
  }, [current.label]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    event.preventDefault();
    const at = tabs.findIndex((t) => t.id === tab);
    const next = tabs[(at + (event.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length]!;
    onTab(next.id);
    document.getElementById(`help-tab-${next.id}`)?.focus();
  };

  return (
    <div className="explore help" data-testid="help-view">
      <header className="explore__header">
        <div className="explore__title-block">
          <p className="explore__eyebrow">Help</p>
          <h1 className="explore__title">{current.title}</h1>
          <p className="explore__lead">{current.lead}</p>
        </div>
      </header>
      <div className="help-tabs" role="tablist" aria-label="Help" onKeyDown={onKeyDown}>
        {tabs.map((t) => (
          <button
            key={t.id}
            id={`help-tab-${t.id}`}
            type="button"
            role="tab"
            className="help-tabs__tab"
            aria-selected={t.id === tab}
            aria-controls={`help-panel-${t.id}`}
            tabIndex={t.id === tab ? 0 : -1}
            onClick={() => onTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div
        id={`help-panel-${tab}`}
        role="tabpanel"
        aria-labelledby={`help-tab-${tab}`}
        className="help__panel"
      >
        {tab === 'projections' ? (
          <ProjectionsDoc
            aside={
              <p className="doc-toc__aside">
                Want the sources behind a number?{' '}
                <button
                  type="button"
                  className="button button--link button--small"
                  onClick={() => onTab('sources')}
                >
                  See all sources
                </button>
              </p>
            }
          />
        ) : (
          <SourcesScreen pack={pack} focusId={focusSourceId} />
        )}
      </div>
    </div>
  );
}
