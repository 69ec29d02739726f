/**
 * Whose plans the app shows: "My plans" (the computer's own profile), or a student a counselor
 * opened from the Class view. Kept in the renderer only: every plans:list and plans:create
 * names the profile, so a student's plans never show under another, and a restart starts on
 * "My plans".
 */
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { ChannelOutput } from '../../../../shared/ipc/contract';
import { api, friendlyError } from '../../api';
import './counselor.css';

type PlanSummary = ChannelOutput<'plans:list'>[number];

export interface CurrentStudent {
  /** The student's profile id. */
  id: number;
  name: string;
  classId: number;
  className: string;
}

interface Options {
  /** Saves the plan being edited before the list changes under it. */
  flush: () => Promise<void> | undefined;
  /**
   * The new profile's plans, newest first; `openPlanId` is the plan to open (the one asked
   * for, else the newest); `show` is false when the switch should not leave the current view.
   */
  onSwitched: (plans: PlanSummary[], openPlanId: number | null, show: boolean) => void;
  onError: (message: string) => void;
}

export function useCurrentStudent({ flush, onSwitched, onError }: Options) {
  const [student, setStudent] = useState<CurrentStudent | null>(null);
  const latest = useRef({ flush, onSwitched, onError });
  useLayoutEffect(() => {
    latest.current = { flush, onSwitched, onError };
  });
  const request = useRef(0);

  /**
   * Opens a student's plans (null: "My plans"), optionally one plan of theirs, and shows them
   * in the planner unless `show` is false (a student deleted from the Class view, the end of a
   * session: the counselor stays where they are).
   */
  const open = useCallback(async (next: CurrentStudent | null, planId: number | null = null, show = true) => {
    const mine = ++request.current;
    try {
      await latest.current.flush();
      const plans = await api.plans.list(next ? { profileId: next.id } : {});
      if (mine !== request.current) return; // a later click won
      setStudent(next);
      const openId = planId !== null && plans.some((p) => p.id === planId) ? planId : (plans[0]?.id ?? null);
      latest.current.onSwitched(plans, openId, show);
    } catch (error) {
      latest.current.onError(friendlyError(error, next ? `opening ${next.name}'s plans` : 'opening your plans'));
    }
  }, []);

  return { student, profileId: student?.id, open };
}

/** In the sidebar while a student's plans are open: whose they are, and the way back. */
export function StudentBanner({ student, onLeave }: { student: CurrentStudent | null; onLeave: () => void }) {
  if (!student) return null;
  return (
    <div className="student-banner" role="status" data-testid="student-banner">
      <span className="student-banner__label">Student</span>
      <span className="student-banner__name" dir="auto">{student.name}</span>
      <span className="student-banner__class">{student.className}</span>
      <button type="button" className="button button--sidebar student-banner__leave" onClick={onLeave}>
        Back to my plans
      </button>
    </div>
  );
}
