/**
 * Plain facts about a pathway template for the new-plan dialog — where it starts and ends, what
 * its steps are, and which guides they come from — and the words for "Suggest steps". Pure,
 * unit-tested under Node.
 */
import type { Template } from '../../../../shared/datapack/schema';
import type { DataPackIndex } from '../../../../shared/engine/data-pack-index';
import type { Plan, Step } from '../../../../shared/plan/schema';
import { templateYears } from '../../../../shared/templates/plan-from-template';
import { andList } from '../../../../shared/text/lists';
import { shortSource } from '../planner/pack-lookup';

export interface TemplateFacts {
  /** The start role's title. */
  startsAs: string;
  /** The last role the pathway reaches (the start role if it has no role step). */
  endsAs: string;
  /** "3 promotions, 1 certification and 1 program", or "No steps". */
  steps: string;
  /** The plan's default length: "10 years". */
  years: string;
  /** Where the steps come from: short names of the guides, template's own first. */
  sources: string[];
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A guide's title cut to its first sentence or clause: "What is a Medical Administrative Assistant?". */
function guideName(index: DataPackIndex, sourceId: string): string {
  const name = shortSource(index.sources.get(sourceId));
  return name.split(/(?<=\?)\s/)[0]!;
}

export function templateFacts(template: Template, index: DataPackIndex): TemplateFacts {
  const title = (id: string) => index.roles.get(id)?.title ?? id;
  const roles = template.steps.filter((s) => s.type === 'role');
  const last = [...roles].sort((a, b) => a.offsetYears - b.offsetYears).pop();
  const n = (type: Step['type']) => template.steps.filter((s) => s.type === type).length;
  const parts = [
    n('role') ? count(n('role'), 'move up', 'moves up') : null,
    n('certification') ? count(n('certification'), 'certification', 'certifications') : null,
    n('program') ? count(n('program'), 'program', 'programs') : null,
    n('setting') ? count(n('setting'), 'change of setting', 'changes of setting') : null,
  ].filter((p): p is string => p !== null);
  const sourceIds = [...new Set([...template.steps.map((s) => s.sourceId), template.sourceId])];
  const years = templateYears(template, index);
  return {
    startsAs: title(template.start.role),
    endsAs: last && last.type === 'role' ? title(last.role) : title(template.start.role),
    steps: parts.length ? andList(parts) : 'No steps',
    years: count(years, 'year', 'years'),
    sources: [...new Set(sourceIds.map((id) => guideName(index, id)))],
  };
}

/** The track (ladder) of the plan's start role, for sentences. */
function ladderName(plan: Plan, index: DataPackIndex): string | null {
  const role = index.roles.get(plan.start.role);
  const track = role ? index.tracks.get(role.trackId) : undefined;
  return track ? track.name.charAt(0).toLowerCase() + track.name.slice(1) : null;
}

/** "Added 2 promotions up the medical assistant ladder: Senior Medical Assistant in 2028 and Lead Medical Assistant in 2030." */
export function describeSuggested(plan: Plan, steps: readonly Step[], index: DataPackIndex): string {
  const items = steps.map(
    (s) => `${s.type === 'role' ? (index.roles.get(s.role)?.title ?? s.role) : s.type} in ${s.year}`,
  );
  const ladder = ladderName(plan, index);
  return (
    `Added ${count(steps.length, 'promotion', 'promotions')}${ladder ? ` up the ${ladder} ladder` : ''}, ` +
    `at the guide's usual years: ${andList(items)}.`
  );
}

/** Why "Suggest steps" found nothing to add, in one sentence. */
export function nothingSuggested(plan: Plan, index: DataPackIndex): string {
  const role = index.roles.get(plan.start.role);
  const track = role ? index.tracks.get(role.trackId) : undefined;
  if (!role || !track) return 'Nothing to suggest: this starting role is not on a career ladder in the data.';
  const rung = track.roleIds.indexOf(role.id);
  if (rung === track.roleIds.length - 1) {
    return `Nothing to suggest: ${role.title} is the top of the ${ladderName(plan, index)} ladder.`;
  }
  return `Nothing to suggest: the plan already has every promotion up the ${ladderName(plan, index)} ladder that fits in its years.`;
}

/** "Move up to Senior Medical Assistant", "Earn CMAA", "Complete Self-study…" for a plan step. */
export function templateStepLabel(step: Step, index: DataPackIndex): string {
  switch (step.type) {
    case 'role':
      return `Move up to ${index.roles.get(step.role)?.title ?? step.role}`;
    case 'certification': {
      const c = index.certifications.get(step.certification);
      return `Earn ${c ? c.abbreviation.replace(/\s*\([^)]*\)/g, '') : step.certification}`;
    }
    case 'program':
      return `Complete ${index.programs.get(step.program)?.name ?? step.program}`;
    case 'setting':
      return `Work in ${index.settings.get(step.setting)?.name ?? step.setting}`;
    case 'place':
      return `Move to ${index.places.get(step.place)?.name ?? step.place}`;
    case 'hours':
      return `Work ${step.hoursPerWeek} hours a week`;
  }
}
