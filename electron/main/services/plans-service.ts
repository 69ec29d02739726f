/**
 * Plan use cases over the repositories. Inputs arrive validated (the IPC layer parses them
 * with the contract); this layer resolves defaults and turns "nothing there" into typed errors.
 */
import type { Plan } from '../../../shared/plan/schema';
import type { PlansRepository, PlanSummary, StoredPlan } from '../db/plans-repository';
import type { Profile, ProfilesRepository } from '../db/profiles-repository';
import { ConflictError, NotFoundError } from './errors';

export type PlansService = ReturnType<typeof createPlansService>;

export function createPlansService(deps: { plans: PlansRepository; profiles: ProfilesRepository }) {
  const { plans, profiles } = deps;

  /** No profile named means the default one, for listing and creating alike. */
  const profileOrDefault = (profileId: number | undefined): Profile => {
    if (profileId === undefined) return profiles.getDefault();
    const profile = profiles.get(profileId);
    if (!profile) throw new NotFoundError(`Profile ${profileId} was not found.`);
    return profile;
  };

  const found = (id: number, plan: StoredPlan | undefined): StoredPlan => {
    if (!plan) throw planNotFound(id);
    return plan;
  };

  return {
    list(input: { profileId?: number }): PlanSummary[] {
      return plans.list(profileOrDefault(input.profileId).id);
    },

    get(input: { id: number }): StoredPlan {
      return found(input.id, plans.get(input.id));
    },

    create(input: { profileId?: number; plan: Plan }): StoredPlan {
      return plans.create(profileOrDefault(input.profileId).id, input.plan);
    },

    save(input: { id: number; revision: number; plan: Plan }): StoredPlan {
      const outcome = plans.save(input.id, input.revision, input.plan);
      switch (outcome.status) {
        case 'saved':
          return outcome.plan;
        case 'missing':
          throw planNotFound(input.id);
        case 'conflict':
          throw new ConflictError(
            `Plan ${input.id} was changed elsewhere since it was opened (it is at revision ${outcome.currentRevision}; ` +
              `this save was based on revision ${input.revision}). Reload the plan and make the change again.`,
          );
      }
    },

    rename(input: { id: number; name: string }): StoredPlan {
      return found(input.id, plans.rename(input.id, input.name));
    },

    duplicate(input: { id: number }): StoredPlan {
      return found(input.id, plans.duplicate(input.id));
    },

    /** Moves the plan to the bin. Deleting a plan already in the bin is not an error (double click). */
    delete(input: { id: number }): { id: number } {
      if (plans.softDelete(input.id) === 'missing') throw planNotFound(input.id);
      return { id: input.id };
    },

    restore(input: { id: number }): StoredPlan {
      return found(input.id, plans.restore(input.id));
    },
  };
}

function planNotFound(id: number): NotFoundError {
  return new NotFoundError(`Plan ${id} was not found. It may have been deleted.`);
}
