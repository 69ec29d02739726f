/**
 * The Class view, for a counselor running a class in a computer lab: a class's students with
 * their plans and when each last changed. One click on a student opens their plans in the
 * planner (and only theirs); from here the counselor imports a roster, prints every plan to
 * PDF, and ends the session (save everything to a folder, then clear the computer).
 */
import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { ClassNameSchema, StudentIdSchema, StudentNameSchema } from '../../../../shared/ipc/counselor-contract';
import { nameProblem } from '../../components/name-problem';
import { yearSpan } from '../planner/format';
import type { Lookup } from '../planner/pack-lookup';
import { BatchExportDialog } from './batch-export-dialog';
import { counselorApi, counselorError, lastEdit, plural, type ClassRoster, type ClassSummary, type Student } from './counselor-api';
import type { CurrentStudent } from './current-student';
import { DeleteStudentDialog } from './delete-student-dialog';
import { EndSessionDialog } from './end-session-dialog';
import { CLASS_NAME_WORDS, STUDENT_ID_WORDS, STUDENT_NAME_WORDS } from './name-words';
import { RosterImportDialog } from './roster-import-dialog';
import './counselor.css';

interface ClassViewProps {
  /** The student whose plans are open in the planner, if any. */
  currentStudentId: number | null;
  lookup: Lookup;
  onOpenStudent: (student: CurrentStudent, planId?: number) => void;
  /** A student was deleted (if theirs were the open plans, the app goes back to "My plans"). */
  onStudentDeleted: (id: number) => void;
  /** Everything was cleared: the app goes back to (empty) "My plans". */
  onSessionEnded: () => void;
  onNotify: (message: { text: string; tone?: 'info' | 'error'; durationMs?: number }) => void;
}

/** The Class view's icon in the app navigation (24×24, drawn like the built-in ones). */
export const CLASS_VIEW_ICON = (
  <>
    <circle cx="9" cy="8.5" r="3" fill="none" stroke="currentColor" strokeWidth="1.8" />
    <path d="M3.5 19 C3.5 15.5 6 13.5 9 13.5 C12 13.5 14.5 15.5 14.5 19" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
    <circle cx="16.5" cy="9.5" r="2.4" fill="none" stroke="currentColor" strokeWidth="1.6" />
    <path d="M16 14.2 C18.6 14.2 20.5 15.9 20.5 18.6" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
  </>
);

/** The class last shown, so coming back to the view shows it again. */
let rememberedClassId: number | null = null;

type Dialog = 'import' | 'export' | 'end' | { delete: Student } | null;

export function ClassView({ currentStudentId, lookup, onOpenStudent, onStudentDeleted, onSessionEnded, onNotify }: ClassViewProps) {
  const [classes, setClasses] = useState<ClassSummary[] | null>(null);
  const [classId, setClassId] = useState<number | null>(rememberedClassId);
  const [roster, setRoster] = useState<(ClassRoster & { startedAt: number }) | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [reload, setReload] = useState(0);
  const rootRef = useRef<HTMLDivElement>(null);
  const pickerId = useId();

  // The classes; then the remembered class, or the first.
  useEffect(() => {
    let cancelled = false;
    counselorApi
      .classes()
      .then((list) => {
        if (cancelled) return;
        setClasses(list);
        setClassId((current) => {
          const keep = list.some((c) => c.id === current) ? current : (list[0]?.id ?? null);
          rememberedClassId = keep;
          return keep;
        });
      })
      .catch((e: unknown) => !cancelled && setError(counselorError(e, 'loading the classes')));
    return () => {
      cancelled = true;
    };
  }, [reload]);

  // The class's students and plans: one call.
  useEffect(() => {
    if (classId === null) return;
    let cancelled = false;
    const startedAt = performance.now();
    counselorApi
      .roster(classId)
      .then((data) => !cancelled && setRoster({ ...data, startedAt }))
      .catch((e: unknown) => !cancelled && setError(counselorError(e, 'loading the class')));
    return () => {
      cancelled = true;
    };
  }, [classId, reload]);

  // How long the call and the render took, for the lab's slow computers (the e2e test reads it).
  useLayoutEffect(() => {
    if (!roster || !rootRef.current) return;
    const ms = performance.now() - roster.startedAt;
    rootRef.current.dataset.loadMs = ms.toFixed(1);
    performance.measure('class-view:load', { start: roster.startedAt, end: roster.startedAt + ms });
  }, [roster]);

  const refresh = useCallback(() => setReload((n) => n + 1), []);

  // Students may have changed plans meanwhile (another window, a plan file imported): coming
  // back to the app shows the class as it is now.
  useEffect(() => {
    const onVisible = () => document.visibilityState === 'visible' && refresh();
    window.addEventListener('focus', refresh);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.removeEventListener('focus', refresh);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [refresh]);

  const chooseClass = (id: number) => {
    rememberedClassId = id;
    setClassId(id);
  };

  const open = (student: Student, planId?: number) =>
    onOpenStudent({ id: student.id, name: student.name, classId: student.classId, className: student.className }, planId);

  const shown = roster && roster.class.id === classId ? roster : null;

  return (
    <div
      className="class-view"
      data-testid="class-view"
      ref={rootRef}
      aria-busy={classes === null || (classId !== null && !shown)}
    >
      <header className="class-view__header">
        <div className="class-view__title-block">
          <p className="class-view__eyebrow">Counselor</p>
          <h1 className="class-view__title">Class</h1>
        </div>
        <div className="class-view__actions">
          <button type="button" className="button button--secondary" onClick={() => setDialog('import')}>
            Import roster…
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setDialog('export')}
            disabled={!shown || shown.class.planCount === 0}
            title={shown && shown.class.planCount === 0 ? 'Nobody in this class has a plan yet' : undefined}
          >
            Export PDFs…
          </button>
          <button type="button" className="button button--danger-outline" onClick={() => setDialog('end')}>
            End session…
          </button>
        </div>
      </header>

      {error && (
        <div className="notice notice--error" role="alert">
          <p>{error}</p>
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => {
              setError(null);
              refresh();
            }}
          >
            Try again
          </button>
        </div>
      )}

      {classes !== null && classes.length === 0 && <NoClasses onImport={() => setDialog('import')} onCreated={refresh} onNotify={onNotify} />}

      {classes !== null && classes.length > 0 && (
        <section className="card card--flush class-card" aria-labelledby={`${pickerId}-label`}>
          <div className="class-card__top">
            <div className="class-card__picker">
              <label id={`${pickerId}-label`} htmlFor={pickerId} className="field__label">
                Class
              </label>
              <select
                id={pickerId}
                className="input input--select class-card__select"
                value={classId ?? ''}
                onChange={(event) => chooseClass(Number(event.target.value))}
              >
                {classes.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name} ({plural(c.studentCount, 'student')})
                  </option>
                ))}
              </select>
            </div>
            {shown && (
              <dl className="class-card__stats">
                <div>
                  <dt>Students</dt>
                  <dd data-testid="class-student-count">{shown.students.length}</dd>
                </div>
                <div>
                  <dt>With a plan</dt>
                  <dd>{shown.students.filter((s) => s.planCount > 0).length}</dd>
                </div>
                <div>
                  <dt>Plans</dt>
                  <dd>{shown.class.planCount}</dd>
                </div>
                <div>
                  <dt>Last edit</dt>
                  <dd>{lastEdit(shown.class.lastEditedAt)}</dd>
                </div>
              </dl>
            )}
          </div>
          {shown ? (
            <StudentTable
              roster={shown}
              lookup={lookup}
              currentStudentId={currentStudentId}
              onOpen={open}
              onDelete={(student) => setDialog({ delete: student })}
            />
          ) : (
            <p className="class-card__loading muted">Loading the class…</p>
          )}
          {shown && <AddStudent classId={shown.class.id} onAdded={refresh} onNotify={onNotify} />}
        </section>
      )}

      <RosterImportDialog
        open={dialog === 'import'}
        defaultClass={shown?.class.name ?? ''}
        onClose={() => setDialog(null)}
        onImported={(result) => {
          setDialog(null);
          const first = result.classes[0];
          if (first) chooseClass(first.id);
          refresh();
          onNotify({
            text: `Imported ${plural(result.studentsCreated, 'student')} into ${result.classes.map((c) => c.name).join(', ')}.`,
            durationMs: 6000,
          });
        }}
      />
      {shown && (
        <BatchExportDialog open={dialog === 'export'} roster={shown} onClose={() => setDialog(null)} />
      )}
      <EndSessionDialog
        open={dialog === 'end'}
        onClose={() => setDialog(null)}
        onEnded={() => {
          rememberedClassId = null;
          setClassId(null);
          refresh();
          onSessionEnded();
        }}
      />
      <DeleteStudentDialog
        student={dialog !== null && typeof dialog === 'object' ? dialog.delete : null}
        onClose={() => setDialog(null)}
        onDeleted={(student, plansDeleted) => {
          setDialog(null);
          refresh();
          onStudentDeleted(student.id);
          onNotify({ text: `Deleted ${student.name} and ${plural(plansDeleted, 'plan')} from this computer.`, durationMs: 6000 });
        }}
      />
    </div>
  );
}

interface StudentTableProps {
  roster: ClassRoster;
  lookup: Lookup;
  currentStudentId: number | null;
  onOpen: (student: Student, planId?: number) => void;
  onDelete: (student: Student) => void;
}

function StudentTable({ roster, lookup, currentStudentId, onOpen, onDelete }: StudentTableProps) {
  if (roster.students.length === 0) {
    return (
      <p className="class-card__empty">
        {roster.class.name} has no students yet. Import a roster, or add students one by one below.
      </p>
    );
  }
  return (
    <div className="table-wrap">
      <table className="data-table student-table" data-testid="student-table">
        <caption className="visually-hidden">
          Students of {roster.class.name}, with their plans and when each last changed. Choose a student to open their
          plans.
        </caption>
        <thead>
          <tr>
            <th scope="col">Student</th>
            <th scope="col">Plans</th>
            <th scope="col">Last edit</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {roster.students.map((student) => {
            const current = student.id === currentStudentId;
            return (
              <tr key={student.id} className={current ? 'is-selected' : undefined} data-testid="student-row">
                <th scope="row" className="student-table__who">
                  <button
                    type="button"
                    className="student-table__open"
                    onClick={() => onOpen(student)}
                    aria-current={current ? 'true' : undefined}
                  >
                    <span className="student-table__name" dir="auto">{student.name}</span>
                    <span className="student-table__id">
                      {student.studentId ? `ID ${student.studentId}` : 'No student ID'}
                      {current ? ' · open now' : ''}
                    </span>
                  </button>
                </th>
                <td className="student-table__plans">
                  {student.plans.length === 0 ? (
                    <span className="muted">No plan yet</span>
                  ) : (
                    <ul className="plan-chips" aria-label={`${student.name}'s plans`}>
                      {student.plans.map((plan) => (
                        <li key={plan.id}>
                          <button
                            type="button"
                            className="plan-chip"
                            onClick={() => onOpen(student, plan.id)}
                            title={`Open “${plan.name}”`}
                          >
                            <span className="plan-chip__name" dir="auto">{plan.name}</span>
                            {plan.startRole && (
                              <span className="plan-chip__meta">
                                {lookup.roleTitle(plan.startRole)}
                                {plan.startYear !== null && plan.years !== null ? ` · ${yearSpan(plan.startYear, plan.years)}` : ''}
                              </span>
                            )}
                          </button>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td className="student-table__when">
                  {student.lastEditedAt ? (
                    <time dateTime={student.lastEditedAt} title={new Date(student.lastEditedAt).toLocaleString()}>
                      {lastEdit(student.lastEditedAt)}
                    </time>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
                <td className="student-table__actions">
                  <button
                    type="button"
                    className="button button--ghost button--small student-table__delete"
                    onClick={() => onDelete(student)}
                    aria-label={`Delete ${student.name}`}
                  >
                    Delete
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function AddStudent({
  classId,
  onAdded,
  onNotify,
}: {
  classId: number;
  onAdded: () => void;
  onNotify: ClassViewProps['onNotify'];
}) {
  const [name, setName] = useState('');
  const [studentId, setStudentId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const submit = async () => {
    const problem =
      nameProblem(StudentNameSchema, name, STUDENT_NAME_WORDS) ??
      (studentId.trim() ? nameProblem(StudentIdSchema, studentId, STUDENT_ID_WORDS) : null);
    if (problem) {
      setError(problem);
      return;
    }
    setBusy(true);
    try {
      const student = await counselorApi.addStudent({
        classId,
        name,
        ...(studentId.trim() ? { studentId } : {}),
      });
      setName('');
      setStudentId('');
      setError(null);
      onAdded();
      onNotify({ text: `Added ${student.name}.`, durationMs: 4000 });
    } catch (e) {
      setError(counselorError(e, 'adding the student'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="add-student"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      aria-labelledby={`${id}-title`}
    >
      <h2 id={`${id}-title`} className="add-student__title">
        Add a student
      </h2>
      <div className="add-student__fields">
        <div className="field">
          <label className="field__label" htmlFor={`${id}-name`}>
            Name
          </label>
          <input
            id={`${id}-name`}
            className="input"
            value={name}
            dir="auto"
            autoComplete="off"
            onChange={(e) => setName(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-sid`}>
            Student ID <span className="muted">(optional)</span>
          </label>
          <input
            id={`${id}-sid`}
            className="input"
            value={studentId}
            dir="auto"
            autoComplete="off"
            onChange={(e) => setStudentId(e.target.value)}
          />
        </div>
        <button type="submit" className="button button--secondary" disabled={busy}>
          Add
        </button>
      </div>
      {error && (
        <p id={`${id}-error`} className="field__error" role="alert">
          <span aria-hidden="true" className="field__error-icon">
            !
          </span>
          {error}
        </p>
      )}
    </form>
  );
}

function NoClasses({
  onImport,
  onCreated,
  onNotify,
}: {
  onImport: () => void;
  onCreated: () => void;
  onNotify: ClassViewProps['onNotify'];
}) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const create = async () => {
    const problem = nameProblem(ClassNameSchema, name, CLASS_NAME_WORDS);
    if (problem) {
      setError(problem);
      return;
    }
    try {
      const created = await counselorApi.createClass(name);
      rememberedClassId = created.id;
      onCreated();
      onNotify({ text: `Made the class ${created.name}.`, durationMs: 4000 });
    } catch (e) {
      setError(counselorError(e, 'making the class'));
    }
  };
  return (
    <section className="card class-empty" data-testid="class-empty">
      <h2 className="class-empty__title">Set up a class</h2>
      <p className="class-empty__text">
        Each student gets their own plans on this computer. Import your class list from a spreadsheet (saved as CSV, with a
        column for the name, an optional student ID and the class), or make a class and add students by hand.
      </p>
      <div className="class-empty__actions">
        <button type="button" className="button button--primary" onClick={onImport}>
          Import roster…
        </button>
        <span className="muted">or</span>
        <form
          className="class-empty__form"
          onSubmit={(event) => {
            event.preventDefault();
            void create();
          }}
        >
          <label htmlFor={id} className="visually-hidden">
            Class name
          </label>
          <input
            id={id}
            className="input"
            placeholder="Class name"
            value={name}
            dir="auto"
            onChange={(e) => setName(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
          />
          <button type="submit" className="button button--secondary">
            Make class
          </button>
        </form>
      </div>
      {error && (
        <p id={`${id}-error`} className="field__error" role="alert">
          {error}
        </p>
      )}
      <p className="class-empty__privacy">
        Everything stays on this computer: Pathway Planner sends nothing over the internet. At the end of a lab session,{' '}
        <strong>End session</strong> saves every student’s plans to a folder you choose and clears this computer.
      </p>
    </section>
  );
}
