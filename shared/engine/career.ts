/**
 * Where a plan stands at one moment (role, place, setting, hours, credentials) and how each kind
 * of step changes it. Pay is kept as factors, never as a running total, so every year's salary can
 * be explained factor by factor:
 *
 *   rate = base × place × setting × certification × hours × keptPay × raise   (today's money)
 *
 * - A move (place, setting, hours, certification) swaps one factor; the others, including the
 *   raise earned so far, stay. So pay changes by exactly new factor ÷ old factor.
 * - A role step swaps base, place, setting and certification for the new role's, and restarts the
 *   raise at 1. If that would pay less than staying put, keptPay lifts it back to the old rate.
 */
import type { Certification, Place, Program, Role } from '../datapack/schema';
import type { ResolvedAssumptions } from './assumptions';
import { stepCost } from './costs';
import type { DataGap, GapLists, PayBasis } from './factors';
import { certificationFactor, FULL_TIME_HOURS, payBasis } from './factors';
import type { DataPackIndex } from './data-pack-index';
import type { TimedStep } from './timeline';
import type { PayFactors, ProjectionWarning } from './types';
import { gapMessage, messages, warning } from './warnings';

/** Rates closer than this (relative) are equal: float noise must not trigger "kept pay". */
const SAME_RATE = 1e-9;

/** The same gap as before (same kind, same role data, same place or setting): nothing new to say. */
function sameGap(a: DataGap, b: DataGap): boolean {
  switch (a.code) {
    case 'no-place-data':
      return (
        b.code === a.code && (b.role.soc ?? b.role.id) === (a.role.soc ?? a.role.id) && b.place === a.place
      );
    case 'city-uses-state-data':
      return b.code === a.code && b.city === a.city;
    case 'no-setting-data':
      return (
        b.code === a.code &&
        (b.role.soc ?? b.role.id) === (a.role.soc ?? a.role.id) &&
        b.settingId === a.settingId
      );
    case 'no-pay-data':
      return (
        b.code === a.code &&
        b.role === a.role &&
        (a.place.kind === 'country' ? b.place === a.place : b.place.kind !== 'country')
      );
    case 'no-band-data':
      return b.code === a.code && (b.role.soc ?? b.role.id) === (a.role.soc ?? a.role.id);
  }
}

function isKnown(gap: DataGap, known: GapLists): boolean {
  for (const list of known) for (let i = 0; i < list.length; i++) if (sameGap(gap, list[i]!)) return true;
  return false;
}

const NO_GAPS: GapLists = [[], [], []];
/**
 * Shared empty lists: a plan without programs or certifications creates none. Typed read-only, as
 * the empty certification list is handed out in every projection's years: a caller that pushed to
 * it would change every later projection. Not frozen: frozen arrays measured 1–7% slower here
 * (their reads take another path in V8).
 */
const NO_IDS: readonly string[] = [];
const NO_PCTS: readonly number[] = [];

/**
 * "CMA needs … first", "LPN needs … first": the same words for a certification or a role every
 * time, so worded once per pack record rather than on every projection that warns.
 */
const missingProgramsWording = new WeakMap<Certification | Role, string>();
function programsOf(ids: readonly string[], index: DataPackIndex): Program[] {
  return ids.flatMap((id) => index.programs.get(id) ?? []);
}
function missingProgramsMessage(certification: Certification, index: DataPackIndex): string {
  let message = missingProgramsWording.get(certification);
  if (message === undefined) {
    const programs = programsOf(certification.prerequisites.anyOfProgramIds, index);
    missingProgramsWording.set(certification, (message = messages.missingPrograms(certification, programs)));
  }
  return message;
}
function roleNeedsProgramsMessage(role: Role, index: DataPackIndex): string {
  let message = missingProgramsWording.get(role);
  if (message === undefined) {
    message = messages.roleNeedsPrograms(role, programsOf(role.requires.programIds, index));
    missingProgramsWording.set(role, message);
  }
  return message;
}

/** The step (index into plan.steps) that changed each part of where the person works this year. */
interface ChangedBy {
  place: number | undefined;
  setting: number | undefined;
  role: number | undefined;
}

/** The step a gap is blamed on: the move that caused it, else the role step that did. */
function causeOf(gap: DataGap, by: ChangedBy | null): number | undefined {
  if (!by) return undefined;
  switch (gap.code) {
    case 'no-place-data':
    case 'city-uses-state-data':
      return by.place ?? by.role;
    case 'no-setting-data':
      return by.setting ?? by.role;
    default:
      return by.role ?? by.place;
  }
}

export class Career {
  role: Role;
  place: Place;
  settingId: string;
  hoursPerWeek: number;
  /** hoursPerWeek ÷ 40, kept alongside so the yearly loop does not recompute it. */
  hours: number;
  basis: PayBasis;
  /** basis.base, or the rate carried in when the role has no pay figure of its own. */
  base: number;
  certification = 1;
  keptPay = 1;
  raise = 1;
  /** The calendar year the current role began (the plan's start year for the start role). */
  roleStartYear: number;
  /** Ids of earned certifications, replaced (not mutated) on change so years can share it. */
  certificationIds: readonly string[] = NO_IDS;
  /** The pay change in percent for each of certificationIds (the step's override or the pack's); private, so grown in place. */
  private certificationPcts: number[] = NO_PCTS as number[];
  /** Ids of completed programs. A plan has a handful: searching a list beats creating a Set per projection. */
  private completedPrograms: string[] = NO_IDS as string[];
  readonly currency: string;

  /** The factors of the current situation; null after a step until asked for again. */
  private currentFactors: Readonly<PayFactors> | null = null;
  /** Warnings of the year being projected; null until the first one, so quiet years allocate nothing. */
  yearWarnings: ProjectionWarning[] | null = null;
  /** Costs (today's money) of the year being projected. */
  yearCosts = 0;
  private year = 0;
  private experience = 0;
  /** The gaps already reported for where the person works now. */
  private activeGaps: GapLists = NO_GAPS;
  /**
   * Steps of this year that changed where or what the person works. Data gaps are reported once
   * the whole year has been applied, against the final situation: a setting step followed by a
   * role step in the same year must not warn about the old role in the new setting.
   */
  private changedBy: ChangedBy | null = null;
  /** Certifications earned this year, checked against the role the year ends in. */
  private earnedThisYear: Array<{ certification: Certification; stepIndex: number }> = [];

  constructor(
    private readonly index: DataPackIndex,
    private readonly assumptions: ResolvedAssumptions,
    role: Role,
    place: Place,
    settingId: string,
    hoursPerWeek: number,
    startYear: number,
  ) {
    this.role = role;
    this.place = place;
    this.settingId = settingId;
    this.hoursPerWeek = hoursPerWeek;
    this.hours = hoursPerWeek / FULL_TIME_HOURS;
    this.currency = place.currency;
    this.year = startYear;
    this.roleStartYear = startYear;
    this.basis = payBasis(index, role, place, settingId, assumptions.band);
    // A start role with no pay figure is shown as 0 rather than guessed (see the docs).
    this.base = this.basis.base ?? 0;
    this.reportGaps(this.basis.gaps, null);
  }

  /** Today's-money annual rate for the current year. */
  rate(): number {
    return this.rateBeforeRaise() * this.raise;
  }

  /** The rate without the raise earned in the role: it changes only when a step changes a factor. */
  rateBeforeRaise(): number {
    return this.base * this.basis.place * this.basis.setting * this.certification * this.hours * this.keptPay;
  }

  /**
   * Everything the rate is built from except raise, as one object the years share (read-only:
   * not frozen, as freezing costs more than building it). Rebuilt only after a step, so a
   * 40-year plan builds a handful, not 40.
   */
  factors(): Readonly<PayFactors> {
    if (this.currentFactors) return this.currentFactors;
    const basis = this.basis;
    return (this.currentFactors = {
      baseRate: this.base,
      baseSourceId: basis.baseSourceId,
      place: basis.place,
      placeSourceId: basis.placeSourceId,
      setting: basis.setting,
      settingSourceId: basis.settingSourceId,
      certification: this.certification,
      hours: this.hours,
      keptPay: this.keptPay,
      bandLow: basis.bandLow,
      bandHigh: basis.bandHigh,
      bandSourceId: basis.bandSourceId,
    });
  }

  /** Before a year's steps: the year, the experience by then, and the raise earned in the role so far. */
  beginYear(year: number, experience: number, raise: number): void {
    this.year = year;
    this.experience = experience;
    this.raise = raise;
    this.yearWarnings = null;
    this.yearCosts = 0;
  }

  /** After all of the year's steps: the checks that depend on where the year ends up. */
  finishYear(): void {
    if (this.changedBy) {
      this.reportGaps(this.basis.gaps, this.changedBy);
      this.changedBy = null;
    }
    if (this.earnedThisYear.length > 0) {
      for (const { certification, stepIndex } of this.earnedThisYear) {
        if (certification.trackIds.includes(this.role.trackId)) continue;
        const trackNames = certification.trackIds.flatMap((id) => this.index.tracks.get(id)?.name ?? []);
        this.warn(
          'certification-not-for-role',
          messages.certificationNotForRole(certification, this.role, trackNames),
          stepIndex,
        );
      }
      this.earnedThisYear = [];
    }
  }

  private noteChange(kind: 'place' | 'setting' | 'role', stepIndex: number): void {
    (this.changedBy ??= { place: undefined, setting: undefined, role: undefined })[kind] = stepIndex;
  }

  apply(timed: TimedStep): void {
    // Any step may change a factor; steps are rare, so rebuilding after each one costs little.
    this.currentFactors = null;
    const { stepIndex } = timed;
    // Program and certification steps price themselves (they may use the pack's range).
    switch (timed.type) {
      case 'place':
        this.movePlace(timed.step.place, stepIndex);
        return this.addPlanCost(timed.step.cost);
      case 'setting':
        this.changeSetting(timed.step.setting, stepIndex);
        return this.addPlanCost(timed.step.cost);
      case 'hours':
        this.hoursPerWeek = timed.step.hoursPerWeek;
        this.hours = timed.step.hoursPerWeek / FULL_TIME_HOURS;
        return this.addPlanCost(timed.step.cost);
      case 'program':
        return this.completeProgram(timed.step.program, timed.step.cost, stepIndex);
      case 'certification': {
        const { certification, payChangePct, cost } = timed.step;
        return this.earnCertification(certification, payChangePct, cost, stepIndex);
      }
      case 'role':
        this.takeRole(timed.step.role, stepIndex);
        return this.addPlanCost(timed.step.cost);
    }
  }

  /** A cost the plan gives on a step that has no published price. */
  private addPlanCost(cost: number | undefined): void {
    if (cost !== undefined) this.yearCosts += cost;
  }

  private warn(code: ProjectionWarning['code'], message: string, stepIndex: number | undefined): void {
    (this.yearWarnings ??= []).push(warning(code, message, this.year, stepIndex));
  }

  /**
   * Warns about gaps that were not already in force (moving within a gap says nothing new).
   * `changedBy` is null at the start, else the steps that moved the person this year.
   */
  private reportGaps(gaps: GapLists, changedBy: ChangedBy | null): void {
    const previous = this.activeGaps;
    this.activeGaps = gaps;
    const atStart = changedBy === null;
    for (let part = 0; part < gaps.length; part++) {
      const list = gaps[part]!;
      // The same part's list as before (lists are shared): all of it is already known.
      if (list.length === 0 || list === previous[part]) continue;
      for (let i = 0; i < list.length; i++) {
        const gap = list[i]!;
        if (isKnown(gap, previous)) continue;
        this.warn(gap.code, gapMessage(gap, atStart, this.index), causeOf(gap, changedBy));
      }
    }
  }

  /** Place and setting changes keep role, raise and keptPay; only the factors are swapped. */
  private rebase(place: Place, settingId: string): void {
    const basis = payBasis(this.index, this.role, place, settingId, this.assumptions.band);
    // No pay figure in the new place: keep carrying the current base (the rate is not invented).
    if (basis.base !== null) this.base = basis.base;
    this.place = place;
    this.settingId = settingId;
    this.basis = basis;
  }

  private movePlace(placeId: string, stepIndex: number): void {
    const place = this.index.places.get(placeId);
    if (!place) return this.warn('unknown-id', messages.unknown('place', placeId), stepIndex);
    if (place.id === this.place.id) return;
    if (place.currency !== this.currency)
      return this.warn('currency-change', messages.currencyChange(place, this.currency), stepIndex);
    this.rebase(place, this.settingId);
    this.noteChange('place', stepIndex);
  }

  private changeSetting(settingId: string, stepIndex: number): void {
    if (!this.index.settings.has(settingId))
      return this.warn('unknown-id', messages.unknown('setting', settingId), stepIndex);
    if (settingId === this.settingId) return;
    this.rebase(this.place, settingId);
    this.noteChange('setting', stepIndex);
  }

  private addCost(
    explicit: number | undefined,
    item: Parameters<typeof stepCost>[1],
    stepIndex: number,
  ): void {
    const cost = stepCost(explicit, item);
    if (cost.origin === 'published' && this.currency !== 'USD') {
      // Published costs are U.S. prices; there is no exchange rate in the pack to convert them.
      this.warn('cost-not-converted', messages.costNotConverted(item!.name, this.currency), stepIndex);
      return;
    }
    this.yearCosts += cost.amount;
  }

  private completeProgram(programId: string, cost: number | undefined, stepIndex: number): void {
    const program = this.index.programs.get(programId) ?? null;
    if (!program) this.warn('unknown-id', messages.unknown('program', programId), stepIndex);
    else if (!this.completedPrograms.includes(program.id)) {
      if (this.completedPrograms === NO_IDS) this.completedPrograms = [];
      this.completedPrograms.push(program.id);
    }
    this.addCost(cost, program, stepIndex);
  }

  private earnCertification(
    certificationId: string,
    payChangePct: number | undefined,
    cost: number | undefined,
    stepIndex: number,
  ): void {
    const certification = this.index.certifications.get(certificationId);
    if (!certification) {
      this.warn('unknown-id', messages.unknown('certification', certificationId), stepIndex);
      return this.addCost(cost, null, stepIndex);
    }

    this.checkCertificationPrerequisites(certification, stepIndex);
    this.earnedThisYear.push({ certification, stepIndex });
    // Earning the same certification again (a renewal) costs again but raises pay only once.
    if (!this.certificationIds.includes(certification.id)) {
      this.certificationIds = [...this.certificationIds, certification.id];
      if (this.certificationPcts === NO_PCTS) this.certificationPcts = [];
      this.certificationPcts.push(payChangePct ?? certification.payChangePct.value);
      this.certification = certificationFactor(
        this.index,
        this.certificationIds,
        this.certificationPcts,
        this.role.trackId,
      );
    }
    this.addCost(cost, certification, stepIndex);
  }

  private checkCertificationPrerequisites(certification: Certification, stepIndex: number): void {
    const { anyOfProgramIds, certificationIds } = certification.prerequisites;
    if (anyOfProgramIds.length > 0) {
      // A program counts if the certification lists it, or if the program says it qualifies.
      let hasProgram = false;
      for (const id of this.completedPrograms) {
        if (
          anyOfProgramIds.includes(id) ||
          this.index.programs.get(id)?.qualifiesForCertificationIds.includes(certification.id)
        ) {
          hasProgram = true;
          break;
        }
      }
      if (!hasProgram)
        this.warn('missing-prerequisite', missingProgramsMessage(certification, this.index), stepIndex);
    }
    if (certificationIds.length > 0) {
      const missing = certificationIds
        .filter((id) => !this.certificationIds.includes(id))
        .flatMap((id) => this.index.certifications.get(id) ?? []);
      if (missing.length > 0)
        this.warn(
          'missing-prerequisite',
          messages.missingCertifications(certification.abbreviation, missing),
          stepIndex,
        );
    }
  }

  private takeRole(roleId: string, stepIndex: number): void {
    const role = this.index.roles.get(roleId);
    if (!role) return this.warn('unknown-id', messages.unknown('role', roleId), stepIndex);
    if (role.id === this.role.id) return;

    this.checkRoleRequirements(role, stepIndex);
    if (role.typicalYears && this.experience < role.typicalYears.min) {
      this.warn(
        'early-promotion',
        messages.earlyPromotion(role, role.typicalYears.min, this.experience),
        stepIndex,
      );
    }

    const stay = this.rate();
    const basis = payBasis(this.index, role, this.place, this.settingId, this.assumptions.band);
    const certification = certificationFactor(
      this.index,
      this.certificationIds,
      this.certificationPcts,
      role.trackId,
    );
    const others = basis.place * basis.setting * certification * this.hours;
    let keptPay = 1;
    let base: number;
    if (basis.base === null) {
      // No pay figure for the new role: carry the current rate into it.
      base = others > 0 ? stay / others : 0;
    } else {
      base = basis.base;
      const start = base * others;
      if (start < stay * (1 - SAME_RATE)) {
        keptPay = stay / start;
        this.warn('promotion-kept-pay', messages.keptPay(role, start, stay, this.currency), stepIndex);
      }
    }
    this.role = role;
    this.basis = basis;
    this.base = base;
    this.certification = certification;
    this.keptPay = keptPay;
    this.raise = 1;
    this.roleStartYear = this.year;
    this.noteChange('role', stepIndex);
  }

  private checkRoleRequirements(role: Role, stepIndex: number): void {
    if (role.requires.certificationIds.length === 0 && role.requires.programIds.length === 0) return;
    const missingCerts = role.requires.certificationIds
      .filter((id) => !this.certificationIds.includes(id))
      .flatMap((id) => this.index.certifications.get(id) ?? []);
    if (missingCerts.length > 0) {
      this.warn('missing-prerequisite', messages.missingCertifications(role.title, missingCerts), stepIndex);
    }
    // Programs listed for a role are alternatives (e.g. an LPN diploma or a bridge program).
    const programIds = role.requires.programIds;
    if (programIds.length > 0 && !programIds.some((id) => this.completedPrograms.includes(id))) {
      this.warn('missing-prerequisite', roleNeedsProgramsMessage(role, this.index), stepIndex);
    }
  }
}
