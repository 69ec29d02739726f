/**
 * Plans in SQLite. Every read decodes and re-validates the body (see plan-body.ts); every
 * write sets `name` and `body` in the same statement so the listing column never drifts.
 * Deleting moves a plan to the bin (`deleted_at`), so it can be restored until it is purged.
 */
import type { z } from 'zod';
import type { PlanSummarySchema, StoredPlanSchema } from '../../../shared/ipc/contract';
import type { Plan } from '../../../shared/plan/schema';
import { systemClock, timestamp, type Clock } from './clock';
import type { Db } from './connection';
import { copyName } from './copy-name';
import { CorruptPlanError, decodePlan, encodePlan } from './plan-body';

export type StoredPlan = z.infer<typeof StoredPlanSchema>;
export type PlanSummary = z.infer<typeof PlanSummarySchema>;

export type SaveOutcome =
  | { status: 'saved'; plan: StoredPlan }
  | { status: 'conflict'; currentRevision: number }
  | { status: 'missing' };

export type DeleteOutcome = 'deleted' | 'already-deleted' | 'missing';

interface PlanRow {
  id: number;
  profile_id: number;
  name: string;
  body: string;
  body_version: number;
  revision: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

interface WriteParams {
  id: number;
  name: string;
  body: string;
  bodyVersion: number;
  now: string;
}

export type PlansRepository = ReturnType<typeof createPlansRepository>;

export function createPlansRepository(db: Db, clock: Clock = systemClock) {
  const statements = {
    listLive: db.prepare<[number], PlanRow>(
      'SELECT * FROM plans WHERE profile_id = ? AND deleted_at IS NULL ORDER BY updated_at DESC, id DESC',
    ),
    getLive: db.prepare<[number], PlanRow>('SELECT * FROM plans WHERE id = ? AND deleted_at IS NULL'),
    getAny: db.prepare<[number], PlanRow>('SELECT * FROM plans WHERE id = ?'),
    liveNames: db
      .prepare<[number], string>('SELECT name FROM plans WHERE profile_id = ? AND deleted_at IS NULL')
      .pluck(),
    insert: db.prepare<[Omit<WriteParams, 'id'> & { profileId: number }], PlanRow>(
      `INSERT INTO plans (profile_id, name, body, body_version, revision, created_at, updated_at)
       VALUES (@profileId, @name, @body, @bodyVersion, 0, @now, @now)
       RETURNING *`,
    ),
    // The optimistic check lives in the WHERE clause, so check-and-write is one atomic statement.
    saveIfRevision: db.prepare<[WriteParams & { revision: number }], PlanRow>(
      `UPDATE plans SET name = @name, body = @body, body_version = @bodyVersion,
              revision = revision + 1, updated_at = @now
       WHERE id = @id AND revision = @revision AND deleted_at IS NULL
       RETURNING *`,
    ),
    overwrite: db.prepare<[WriteParams], PlanRow>(
      `UPDATE plans SET name = @name, body = @body, body_version = @bodyVersion,
              revision = revision + 1, updated_at = @now
       WHERE id = @id AND deleted_at IS NULL
       RETURNING *`,
    ),
    softDelete: db.prepare<[{ id: number; now: string }]>(
      'UPDATE plans SET deleted_at = @now WHERE id = @id AND deleted_at IS NULL',
    ),
    // updated_at is left alone so an undone delete puts the plan back where it was in the list.
    restore: db.prepare<[number], PlanRow>('UPDATE plans SET deleted_at = NULL WHERE id = ? RETURNING *'),
    purgeBefore: db.prepare<[string]>('DELETE FROM plans WHERE deleted_at IS NOT NULL AND deleted_at < ?'),
  };

  const writeParams = (id: number, plan: Plan): WriteParams => ({
    id,
    ...encodePlan(plan),
    now: timestamp(clock),
  });

  const insert = (profileId: number, plan: Plan): StoredPlan =>
    toStoredPlan(statements.insert.get({ profileId, ...encodePlan(plan), now: timestamp(clock) })!);

  return {
    /**
     * Live plans of a profile, most recently changed first. An unreadable row is listed by its
     * name column and marked `unreadable`, so one damaged plan never hides the others.
     */
    list(profileId: number): PlanSummary[] {
      return statements.listLive.all(profileId).map(summaryOfRow);
    },

    get(id: number): StoredPlan | undefined {
      const row = statements.getLive.get(id);
      return row && toStoredPlan(row);
    },

    create(profileId: number, plan: Plan): StoredPlan {
      return insert(profileId, plan);
    },

    save(id: number, revision: number, plan: Plan): SaveOutcome {
      return db.transaction((): SaveOutcome => {
        const row = statements.saveIfRevision.get({ ...writeParams(id, plan), revision });
        if (row) return { status: 'saved', plan: toStoredPlan(row) };
        const current = statements.getAny.get(id);
        if (!current || current.deleted_at !== null) return { status: 'missing' };
        return { status: 'conflict', currentRevision: current.revision };
      })();
    },

    rename(id: number, name: string): StoredPlan | undefined {
      return db.transaction(() => {
        const row = statements.getLive.get(id);
        if (!row) return undefined;
        const plan = decodePlan(row.id, row.body, row.body_version);
        return toStoredPlan(statements.overwrite.get(writeParams(id, { ...plan, name }))!);
      })();
    },

    /** A new plan with the same content, named "<name> (copy)" (or "(copy 2)"…), in the same profile. */
    duplicate(id: number): StoredPlan | undefined {
      return db.transaction(() => {
        const row = statements.getLive.get(id);
        if (!row) return undefined;
        const plan = decodePlan(row.id, row.body, row.body_version);
        const name = copyName(plan.name, statements.liveNames.all(row.profile_id));
        return insert(row.profile_id, { ...plan, name });
      })();
    },

    softDelete(id: number): DeleteOutcome {
      return db.transaction((): DeleteOutcome => {
        if (statements.softDelete.run({ id, now: timestamp(clock) }).changes === 1) return 'deleted';
        return statements.getAny.get(id) ? 'already-deleted' : 'missing';
      })();
    },

    /** Takes a plan out of the bin; a plan that is not in the bin is returned as it is. */
    restore(id: number): StoredPlan | undefined {
      const row = statements.restore.get(id);
      return row && toStoredPlan(row);
    },

    /** Permanently removes plans that went into the bin before `cutoff`. Returns how many. */
    purgeDeletedBefore(cutoff: Date): number {
      return statements.purgeBefore.run(cutoff.toISOString()).changes;
    },
  };
}

function toStoredPlan(row: PlanRow): StoredPlan {
  return {
    id: row.id,
    profileId: row.profile_id,
    revision: row.revision,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    plan: decodePlan(row.id, row.body, row.body_version),
  };
}

function summaryOfRow(row: PlanRow): PlanSummary {
  try {
    return toSummary(toStoredPlan(row));
  } catch (error) {
    if (!(error instanceof CorruptPlanError)) throw error;
    return {
      id: row.id,
      name: row.name,
      profileId: row.profile_id,
      // Not known without the body: empty, and the renderer shows `unreadable` instead.
      startRole: '',
      startYear: 0,
      years: 0,
      updatedAt: row.updated_at,
      unreadable: error.message,
    };
  }
}

/** What the plan list shows of a stored plan. */
export function toSummary(stored: StoredPlan): PlanSummary {
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
