/**
 * The app shell: loads the data pack and the plan list, shows the sidebar and the planner,
 * and owns the plan-level actions (create, rename, duplicate, delete with undo).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DataPack } from '../../shared/datapack/schema';
import { indexDataPack } from '../../shared/engine/index';
import type { ChannelOutput } from '../../shared/ipc/contract';
import type { Plan } from '../../shared/plan/schema';
import { api, friendlyError, onMenu } from './api';
import { ToastRegion, type ToastMessage } from './components/toast';
import { plannerOptions } from './features/planner/options';
import { createLookup } from './features/planner/pack-lookup';
import { Planner, type PlannerHandle } from './features/planner/planner';
import { NewPlanDialog } from './features/plans-list/new-plan-dialog';
import { PlansList, type PlanSummary } from './features/plans-list/plans-list';
import { RenameDialog } from './features/plans-list/rename-dialog';
import { EmptyState } from './features/plans-list/empty-state';
import { uniquePlanName } from './features/plans-list/names';

type StoredPlan = ChannelOutput<'plans:get'>;

type Loaded =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | { state: 'ready'; pack: DataPack; plans: PlanSummary[] };

/** "2025-05-01" → "May 2025". */
function monthYear(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  return Number.isNaN(date.getTime())
    ? isoDate
    : date.toLocaleDateString('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });
}

function summaryOf(stored: StoredPlan): PlanSummary {
  return {
    id: stored.id,
    name: stored.plan.name,
    profileId: stored.profileId,
    startRole: stored.plan.start.role,
    startYear: stored.plan.startYear,
    years: stored.plan.years,
    updatedAt: stored.updatedAt,
  };
}

export function App() {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    Promise.all([api.datapack.get(), api.plans.list()])
      .then(([pack, plans]) => !cancelled && setLoaded({ state: 'ready', pack, plans }))
      .catch(
        (error: unknown) =>
          !cancelled && setLoaded({ state: 'error', message: friendlyError(error, 'starting up') }),
      );
    return () => {
      cancelled = true;
    };
  }, [attempt]);

  if (loaded.state === 'loading') {
    return (
      <div className="app app--center" aria-busy="true">
        <p className="muted">Loading Pathway Planner…</p>
      </div>
    );
  }
  if (loaded.state === 'error') {
    return (
      <div className="app app--center">
        <div className="card card--narrow" role="alert">
          <h1 className="card__title">Pathway Planner couldn't start</h1>
          <p>{loaded.message}</p>
          <button type="button" className="button button--primary" onClick={() => setAttempt((n) => n + 1)}>
            Try again
          </button>
        </div>
      </div>
    );
  }
  return <Workspace pack={loaded.pack} initialPlans={loaded.plans} />;
}

function Workspace({ pack, initialPlans }: { pack: DataPack; initialPlans: PlanSummary[] }) {
  const index = useMemo(() => indexDataPack(pack), [pack]);
  const lookup = useMemo(() => createLookup(pack), [pack]);
  const options = useMemo(() => plannerOptions(pack), [pack]);
  const [plans, setPlans] = useState(initialPlans);
  const [selectedId, setSelectedId] = useState<number | null>(initialPlans[0]?.id ?? null);
  const [justCreated, setJustCreated] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const [createBusy, setCreateBusy] = useState(false);
  const [createError, setCreateError] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<PlanSummary | null>(null);
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const toastId = useRef(0);
  const planner = useRef<PlannerHandle>(null);

  const showToast = useCallback((message: Omit<ToastMessage, 'id'>) => {
    toastId.current += 1;
    setToast({ ...message, id: toastId.current });
  }, []);
  const dismissToast = useCallback((id: number) => setToast((t) => (t?.id === id ? null : t)), []);

  const openNewPlan = useCallback(() => {
    setCreateError(null);
    setCreating(true);
  }, []);

  useEffect(() => onMenu((command) => command === 'new-plan' && openNewPlan()), [openNewPlan]);

  const select = async (id: number) => {
    if (id === selectedId) return;
    await planner.current?.flush();
    setJustCreated(null);
    setSelectedId(id);
  };

  const create = async (plan: Plan) => {
    setCreateBusy(true);
    try {
      await planner.current?.flush();
      const stored = await api.plans.create({ plan });
      setPlans((list) => [summaryOf(stored), ...list]);
      setCreating(false);
      setJustCreated(stored.id);
      setSelectedId(stored.id);
    } catch (error) {
      setCreateError(friendlyError(error, 'creating your plan'));
    } finally {
      setCreateBusy(false);
    }
  };

  const rename = async (summary: PlanSummary, name: string) => {
    setRenaming(null);
    if (summary.id === selectedId && planner.current) {
      // The open plan is renamed through its editor, which autosaves it with the right revision.
      planner.current.rename(name);
      return;
    }
    try {
      const stored = await api.plans.rename(summary.id, name);
      setPlans((list) => list.map((p) => (p.id === stored.id ? summaryOf(stored) : p)));
    } catch (error) {
      showToast({ text: friendlyError(error, 'renaming the plan'), tone: 'error' });
    }
  };

  const duplicate = async (summary: PlanSummary) => {
    try {
      await planner.current?.flush();
      const stored = await api.plans.duplicate(summary.id);
      setPlans((list) => {
        const at = list.findIndex((p) => p.id === summary.id);
        const next = list.slice();
        next.splice(at + 1, 0, summaryOf(stored));
        return next;
      });
      setJustCreated(stored.id);
      setSelectedId(stored.id);
      showToast({ text: `Made a copy: “${stored.plan.name}”.`, durationMs: 5000 });
    } catch (error) {
      showToast({ text: friendlyError(error, 'copying the plan'), tone: 'error' });
    }
  };

  const restore = async (summary: PlanSummary, position: number) => {
    try {
      const stored = await api.plans.restore(summary.id);
      setPlans((list) => {
        const next = list.filter((p) => p.id !== stored.id);
        next.splice(Math.min(position, next.length), 0, summaryOf(stored));
        return next;
      });
      setSelectedId(stored.id);
      showToast({ text: `“${stored.plan.name}” is back.`, durationMs: 4000 });
    } catch (error) {
      showToast({ text: friendlyError(error, 'bringing the plan back'), tone: 'error' });
    }
  };

  const remove = async (summary: PlanSummary) => {
    try {
      if (summary.id === selectedId) await planner.current?.flush();
      await api.plans.delete(summary.id);
      const position = plans.findIndex((p) => p.id === summary.id);
      const rest = plans.filter((p) => p.id !== summary.id);
      setPlans(rest);
      if (summary.id === selectedId) setSelectedId(rest[Math.min(position, rest.length - 1)]?.id ?? null);
      showToast({
        text: `Deleted “${summary.name}”.`,
        action: { label: 'Undo', run: () => void restore(summary, position) },
        durationMs: 10_000,
      });
    } catch (error) {
      showToast({ text: friendlyError(error, 'deleting the plan'), tone: 'error' });
    }
  };

  const onSaved = useCallback((stored: StoredPlan) => {
    setPlans((list) => list.map((p) => (p.id === stored.id ? summaryOf(stored) : p)));
  }, []);

  const thisYear = new Date().getFullYear();

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to the planner
      </a>
      <aside className="sidebar" aria-label="Plans">
        <div className="brand">
          <span className="brand__mark" aria-hidden="true">
            <svg viewBox="0 0 32 32" width="32" height="32">
              <rect width="32" height="32" rx="9" fill="currentColor" />
              <path
                d="M8 22 L14 16 L18 19 L24 11"
                fill="none"
                stroke="#f6b17a"
                strokeWidth="2.6"
                strokeLinecap="round"
                strokeLinejoin="round"
              />
              <circle cx="24" cy="11" r="2.4" fill="#f6b17a" />
            </svg>
          </span>
          <span className="brand__text">
            <span className="brand__name">Pathway Planner</span>
            <span className="brand__tag">Healthcare careers</span>
          </span>
        </div>
        <button type="button" className="button button--primary button--block" onClick={openNewPlan}>
          <span aria-hidden="true" className="button__plus">
            +
          </span>
          New plan
        </button>
        <h2 className="sidebar__heading">Your plans</h2>
        <nav aria-label="Your plans" className="sidebar__nav">
          <PlansList
            plans={plans}
            selectedId={selectedId}
            lookup={lookup}
            onSelect={(id) => void select(id)}
            onRename={setRenaming}
            onDuplicate={(p) => void duplicate(p)}
            onDelete={(p) => void remove(p)}
          />
        </nav>
        <p className="sidebar__footer">
          Pay data as of {monthYear(pack.dataAsOf)}
          <br />
          Figures are estimates, not promises.
        </p>
      </aside>
      <main id="main" className="workspace" tabIndex={-1}>
        {selectedId === null ? (
          <EmptyState onStart={openNewPlan} />
        ) : (
          <Planner
            key={selectedId}
            ref={planner}
            planId={selectedId}
            lookup={lookup}
            index={index}
            options={options}
            onSaved={onSaved}
            focusName={justCreated === selectedId}
          />
        )}
      </main>
      <NewPlanDialog
        open={creating}
        index={index}
        options={options}
        suggestedName={uniquePlanName(plans.map((p) => p.name))}
        startYear={thisYear}
        busy={createBusy}
        error={createError}
        onCancel={() => setCreating(false)}
        onCreate={(plan) => void create(plan)}
      />
      <RenameDialog
        name={renaming?.name ?? null}
        onCancel={() => setRenaming(null)}
        onRename={(name) => renaming && void rename(renaming, name)}
      />
      <ToastRegion toast={toast} onDismiss={dismissToast} />
    </div>
  );
}
