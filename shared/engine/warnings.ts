/**
 * Every warning the engine gives, worded for a 17-year-old reading their own plan. Numbers in
 * messages are in today's money so they match the guide figures the student has seen.
 */
import type { Certification, Place, Program, Role } from '../datapack/schema';
import type { DataGap } from './factors';
import type { DataPackIndex } from './data-pack-index';
import { andList, orList } from '../text/lists';
import { formatMoney } from './money';
import type { ProjectionWarning, WarningCode } from './types';

export function warning(
  code: WarningCode,
  message: string,
  year: number,
  stepIndex?: number,
): ProjectionWarning {
  return stepIndex === undefined ? { code, message, year } : { code, message, year, stepIndex };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export const messages = {
  earlyPromotion(role: Role, minYears: number, experience: number): string {
    return `${role.title} usually needs ${plural(minYears, 'year')} of experience; this plan gets there after ${experience}.`;
  },

  missingPrograms(certification: Certification, programs: readonly Program[]): string {
    const names = programs.length > 0 ? orList(programs.map((p) => p.name)) : 'a qualifying program';
    return `${certification.abbreviation} needs ${names} first. Add a program step in this year or earlier.`;
  },

  missingCertifications(what: string, certifications: readonly Certification[]): string {
    return `${what} needs ${andList(certifications.map((c) => c.abbreviation))} first. Add a certification step in this year or earlier.`;
  },

  roleNeedsPrograms(role: Role, programs: readonly Program[]): string {
    return `${role.title} needs ${orList(programs.map((p) => p.name))} first. Add a program step in this year or earlier.`;
  },

  keptPay(role: Role, newRate: number, currentRate: number, currency: string): string {
    return (
      `${role.title} usually pays ${formatMoney(newRate, currency)} a year here, less than this plan already earns ` +
      `(${formatMoney(currentRate, currency)}), so pay stays where it was instead of going down.`
    );
  },

  certificationNotForRole(certification: Certification, role: Role, trackNames: readonly string[]): string {
    const forWhat =
      trackNames.length > 0
        ? ` (it is for the ${andList(trackNames)} track${trackNames.length === 1 ? '' : 's'})`
        : '';
    return `${certification.abbreviation} does not change pay as a ${role.title}${forWhat}; it counts if the plan moves to a role it is for.`;
  },

  costNotConverted(name: string, currency: string): string {
    return `The published cost of ${name} is in U.S. dollars and this plan is in ${currency}. With no exchange rate it is left out; enter your own cost on this step.`;
  },

  currencyChange(place: Place, planCurrency: string): string {
    return `${place.name} uses ${place.currency} but this plan is in ${planCurrency}. A plan stays in one currency, so this move is left out; make a separate plan for ${place.name}.`;
  },

  unknown(kind: string, id: string): string {
    return `This step names a ${kind} "${id}" that the data pack does not have, so it is left out.`;
  },

  noPayAtStart(role: Role): string {
    return `There is no pay figure for ${role.title}, so this plan shows 0 until it reaches a role that has one.`;
  },

  noPayKept(role: Role): string {
    return `There is no pay figure for ${role.title}, so this plan keeps the pay from before.`;
  },

  noCountryPay(role: Role, place: Place, atStart: boolean): string {
    return atStart
      ? `The guides give no pay range for ${role.title} in ${place.name}, so this plan shows 0 until it has one.`
      : `The guides give no pay range for ${role.title} in ${place.name}, so this plan keeps the pay from before.`;
  },

  gap(gap: Exclude<DataGap, { code: 'no-pay-data' }>, settingName: (id: string) => string): string {
    switch (gap.code) {
      case 'no-place-data':
        return `There is no pay data for ${gap.role.title} in ${gap.place.name}, so pay there is shown at the U.S. level.`;
      case 'city-uses-state-data':
        return `${gap.city.name} has no pay data of its own here, so ${gap.state.name}'s figures are used.`;
      case 'no-setting-data':
        return `There is no pay data for ${gap.role.title} in ${settingName(gap.settingId)}, so pay is shown as for all settings.`;
      case 'no-band-data':
        return `There is no spread of pay for ${gap.role.title}, so the low and high estimates are the same as the salary.`;
    }
  },
};

/** The two wordings of one gap, filled in when first needed. */
interface GapWording {
  atStart: string | undefined;
  later: string | undefined;
}

/** Wording per gap object, built once: payBasis keeps each gap in its per-role parts, so gaps recur. */
const gapWording = new WeakMap<DataGap, GapWording>();

/** What to say about a data gap; `atStart` when the plan begins in it rather than moves into it. */
export function gapMessage(gap: DataGap, atStart: boolean, index: DataPackIndex): string {
  let wording = gapWording.get(gap);
  if (!wording) gapWording.set(gap, (wording = { atStart: undefined, later: undefined }));
  // Two named fields, not wording[key]: V8 found that computed-key read megamorphic (its slow, generic path).
  return atStart
    ? (wording.atStart ??= wordGap(gap, true, index))
    : (wording.later ??= wordGap(gap, false, index));
}

function wordGap(gap: DataGap, atStart: boolean, index: DataPackIndex): string {
  if (gap.code !== 'no-pay-data') return messages.gap(gap, (id) => index.settings.get(id)?.name ?? id);
  if (gap.place.kind === 'country') return messages.noCountryPay(gap.role, gap.place, atStart);
  return atStart ? messages.noPayAtStart(gap.role) : messages.noPayKept(gap.role);
}
