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
import { StartupNotice } from './components/startup-notice';
import { ToastRegion, type ToastMessage } from './components/toast';
import { plannerOptions } from './features/planner/options';
import { createLookup } from './features/planner/pack-lookup';
import { Planner, type PlannerHandle } from './features/planner/planner';
import { NewPlanDialog } from './features/plans-list/new-plan-dialog';
import { PlansList, type PlanSummary } from './features/plans-list/plans-list';
import { RenameDialog } from './features/plans-list/rename-dialog';
import { EmptyState } from './features/plans-list/empty-state';
import { uniquePlanName } from './features/plans-list/names';
import { AppNav, type AppView } from './features/navigation/app-nav';
import { CompareView } from './features/compare/compare-view';
import { PlacesView } from './features/places/places-view';
import { HelpView, type HelpTab } from './features/help/help-view';
import { SourceLinkContext } from './features/help/source-link';
import { ClassView, CLASS_VIEW_ICON } from './features/counselor/class-view';
import { StudentBanner, useCurrentStudent } from './features/counselor/current-student';
import { useFileCommands } from './features/export/use-file-commands';

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
  // The newest plan that can be read (a damaged one is listed, and opens only on request).
  const [selectedId, setSelectedId] = useState<number | null>(
    initialPlans.find((p) => !p.unreadable)?.id ?? null,
  );
  // The plan whose name gets focus when the planner shows it: a new plan, or one opened from another section.
  const [justCreated, setJustCreated] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const [createBusy, setCreateBusy] = useState(false);
  const [createError, setCreateError] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<PlanSummary | null>(null);
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const toastId = useRef(0);
  const planner = useRef<PlannerHandle>(null);
  // Which section the main area shows (see `views` below), and where Help is open.
  const [view, setView] = useState('plans');
  const [helpTab, setHelpTab] = useState<HelpTab>('projections');
  const [focusSource, setFocusSource] = useState<string | null>(null);
  const mainRef = useRef<HTMLElement>(null);
  const shownView = useRef(view);
  // A control that opens another section (a student in the Class view, say) leaves with its
  // section. If nothing in the new section took focus, put it on the main area rather than
  // leave keyboard users at the top of the page.
  useEffect(() => {
    if (shownView.current === view) return;
    shownView.current = view;
    if (document.activeElement === null || document.activeElement === document.body) mainRef.current?.focus();
  }, [view]);

  const showToast = useCallback((message: Omit<ToastMessage, 'id'>) => {
    toastId.current += 1;
    setToast({ ...message, id: toastId.current });
  }, []);
  const dismissToast = useCallback((id: number) => setToast((t) => (t?.id === id ? null : t)), []);
  // Whose plans are shown: "My plans", or a student opened from the Class view (counselor mode).
  const currentStudent = useCurrentStudent({
    flush: () => planner.current?.flush(),
    onSwitched: (list, openId, show) => {
      setPlans(list);
      setJustCreated(null);
      setSelectedId(openId);
      if (show) setView('plans');
    },
    onError: (text) => showToast({ text, tone: 'error' }),
  });

  const openNewPlan = useCallback(() => {
    setCreateError(null);
    setCreating(true);
  }, []);

  /** Opens a section; the plan being edited is saved first, so every section sees it. */
  const goTo = useCallback(async (id: string) => {
    await planner.current?.flush();
    setView(id);
  }, []);
  const openHelp = useCallback(
    (tab: HelpTab, sourceId: string | null = null) => {
      setHelpTab(tab);
      setFocusSource(sourceId);
      void goTo('help');
    },
    [goTo],
  );
  const openSource = useCallback((sourceId: string) => openHelp('sources', sourceId), [openHelp]);

  useEffect(
    () =>
      onMenu((command) => {
        if (command === 'new-plan') openNewPlan();
        else if (command === 'help-projections') openHelp('projections');
        else if (command === 'help-sources') openHelp('sources');
      }),
    [openNewPlan, openHelp],
  );

  // Export, import and print: the File menu, the planner's Export buttons and the sidebar's Import.
  const files = useFileCommands({
    selectedId,
    plans,
    profileId: currentStudent.profileId,
    flush: async () => {
      await planner.current?.flush();
    },
    showToast,
    onImported: (added) => {
      setPlans((list) => [...added, ...list]);
      setJustCreated(null);
      if (added[0]) setSelectedId(added[0].id);
      setView('plans');
    },
  });
  useEffect(() => onMenu(files.onMenu), [files.onMenu]);

  const select = async (id: number) => {
    // Sections that show one plan (the planner, Places) stay; the others open the plan in the planner.
    const stay = views.find((v) => v.id === view)?.followsPlan ?? false;
    if (id === selectedId) {
      if (!stay) void goTo('plans');
      return;
    }
    await planner.current?.flush();
    setJustCreated(null);
    setSelectedId(id);
    if (!stay) setView('plans');
  };

  const create = async (plan: Plan) => {
    setCreateBusy(true);
    try {
      await planner.current?.flush();
      const student = currentStudent.student;
      const stored = await api.plans.create({
        plan: student ? { ...plan, studentName: student.name } : plan,
        profileId: currentStudent.profileId,
      });
      setPlans((list) => [summaryOf(stored), ...list]);
      setCreating(false);
      setJustCreated(stored.id);
      setSelectedId(stored.id);
      setView('plans');
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
  const selected = plans.find((p) => p.id === selectedId) ?? null;

  // The sections of the app, in sidebar order. A new section is one more entry here.
  const views: AppView[] = [
    {
      id: 'plans',
      label: 'My plans',
      followsPlan: true,
      render: () =>
        selectedId === null ? (
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
            onNotify={showToast}
            onExport={files.exportCurrent}
            focusName={justCreated === selectedId}
          />
        ),
    },
    {
      id: 'compare',
      label: 'Compare',
      render: () => (
        <CompareView
          plans={plans}
          index={index}
          lookup={lookup}
          currentId={selectedId}
          onOpenPlan={(id) => {
            // The button is gone with the Compare view: focus goes to the opened plan's name.
            setJustCreated(id);
            setSelectedId(id);
            setView('plans');
          }}
          onNewPlan={openNewPlan}
        />
      ),
    },
    {
      id: 'places',
      label: 'Places',
      followsPlan: true,
      render: () => (
        <PlacesView
          planId={selectedId}
          updatedAt={selected?.updatedAt ?? null}
          index={index}
          lookup={lookup}
          options={options}
          onNewPlan={openNewPlan}
          onOpenPlanner={() => {
            setJustCreated(selectedId); // focus the plan's name, as for Compare's "Open in the planner"
            setView('plans');
          }}
        />
      ),
    },
    {
      id: 'class',
      label: 'Class',
      icon: CLASS_VIEW_ICON,
      render: () => (
        <ClassView
          currentStudentId={currentStudent.profileId ?? null}
          lookup={lookup}
          onOpenStudent={(student, planId) => void currentStudent.open(student, planId)}
          onStudentDeleted={(id) => id === currentStudent.profileId && void currentStudent.open(null, null, false)}
          onSessionEnded={() => void currentStudent.open(null, null, false)}
          onNotify={showToast}
        />
      ),
    },
    {
      id: 'help',
      label: 'Help',
      render: () => <HelpView pack={pack} tab={helpTab} onTab={setHelpTab} focusSourceId={focusSource} />,
    },
  ];
  const currentView = views.find((v) => v.id === view) ?? views[0]!;

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to main content
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
        <AppNav views={views} current={currentView.id} onSelect={(id) => void goTo(id)} />
        <button type="button" className="button button--primary button--block" onClick={openNewPlan}>
          <span aria-hidden="true" className="button__plus">
            +
          </span>
          New plan
        </button>
        <button type="button" className="button button--import button--block" onClick={files.startImport}>
          Import plans…
        </button>
        <StudentBanner student={currentStudent.student} onLeave={() => void currentStudent.open(null)} />
        <h2 className="sidebar__heading">{currentStudent.student ? `${currentStudent.student.name}'s plans` : 'Your plans'}</h2>
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
      <main
        id="main"
        ref={mainRef}
        className="workspace"
        tabIndex={-1}
        aria-label={currentView.label}
        data-view={currentView.id}
      >
        <StartupNotice />
        <SourceLinkContext.Provider value={openSource}>{currentView.render()}</SourceLinkContext.Provider>
      </main>
      <NewPlanDialog
        open={creating}
        index={index}
        options={options}
        suggestedName={uniquePlanName(plans.map((p) => p.name))}
        takenNames={plans.map((p) => p.name)}
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
      {files.element}
      <ToastRegion toast={toast} onDismiss={dismissToast} />
    </div>
  );
}
