/**
 * Builds the data pack from data/raw/*.csv and data/guides/*.json. Pure: takes file contents,
 * returns the pack, and throws (naming the file, row or id) on anything it cannot trace, so a
 * figure never reaches the pack without its source. `serializeDataPack` gives stable bytes.
 */
import type { z } from 'zod';
import type {
  Certification,
  CitedNumber,
  DataPack,
  Place,
  PriceLevel,
  Program,
  Role,
  Setting,
  Source,
  Template,
  TemplateStep,
  WageEstimate,
} from '../../shared/datapack/schema';
import { checkDataPack } from '../../shared/datapack/check-pack';
import { describeProblems, problemsFromZod } from '../../shared/domain/problems';
import { parseCsvRecords } from './csv';
import {
  CertificationsFileSchema,
  DefaultsFileSchema,
  PlacesExtraFileSchema,
  ProgramsFileSchema,
  SettingsFileSchema,
  SourcesFileSchema,
  TemplatesFileSchema,
  TracksAndRolesFileSchema,
  type GuidePay,
} from './guide-schemas';
import {
  KNOWN_FIPS,
  TERRITORY_FIPS,
  US_NATION_AREA_CODE,
  placeIdForArea,
  placeIdForBeaGeoFips,
} from './us-areas';
import {
  compareWages,
  optionalNumber,
  percentDifference,
  requiredNumber,
  wageEstimateFromOewsRow,
} from './wages';

type SettingMedianRow = Setting['medians'][number];

export const RAW_FILES = {
  national: 'oews_national_2022_2025.csv',
  state2025: 'oews_state_2025_percentiles.csv',
  state2023: 'oews_state_2023_means.csv',
  sector2024: 'oews_national_sector_2024.csv',
  oohIndustry: 'ooh_industry_median_wages.csv',
  rpp: 'rpp_state_2024.csv',
  certificationEvidence: 'certification_wage_evidence.csv',
} as const;

export const GUIDE_FILES = {
  sources: 'sources.json',
  tracksAndRoles: 'tracks-and-roles.json',
  certifications: 'certifications.json',
  programs: 'programs.json',
  placesExtra: 'places-extra.json',
  settings: 'settings.json',
  defaults: 'defaults.json',
  templates: 'templates.json',
} as const;

/** Source ids of the data files (one per OEWS release, OOH reference period and BEA year). */
export const sourceIds = {
  oewsNational: (year: number) => `bls-oews-national-${year}`,
  oewsState2025: 'bls-oews-state-2025',
  oewsState2023: 'bls-oews-state-2023',
  oewsSector2024: 'bls-oews-national-sector-2024',
  oohIndustry: (year: number) => `bls-ooh-industry-pay-${year}`,
  rpp: (year: number) => `bea-rpp-${year}`,
};

export interface DataPackInputs {
  /** data/raw file name → text. */
  raw: Readonly<Record<string, string>>;
  /** data/guides file name → parsed JSON. */
  guides: Readonly<Record<string, unknown>>;
}

export function buildDataPack(inputs: DataPackInputs): DataPack {
  const tables = new Map<string, Array<Record<string, string>>>();
  const csv = (name: string) => {
    const cached = tables.get(name);
    if (cached) return cached;
    const text = inputs.raw[name];
    if (text === undefined) throw new Error(`data/raw/${name} is missing`);
    try {
      // The evidence file's last column (`notes`) is free text with one unquoted comma.
      const records = parseCsvRecords(text, {
        overflowIntoLastColumn: name === RAW_FILES.certificationEvidence,
      });
      tables.set(name, records);
      return records;
    } catch (error) {
      throw new Error(`data/raw/${name}: ${(error as Error).message}`, { cause: error });
    }
  };
  const guide = <T>(name: string, schema: z.ZodType<T>): T => {
    if (!(name in inputs.guides)) throw new Error(`data/guides/${name} is missing`);
    const parsed = schema.safeParse(inputs.guides[name]);
    if (!parsed.success)
      throw new Error(`data/guides/${name}:\n${describeProblems(problemsFromZod(parsed.error))}`);
    return parsed.data;
  };

  const sourcesFile = guide(GUIDE_FILES.sources, SourcesFileSchema);
  const rolesFile = guide(GUIDE_FILES.tracksAndRoles, TracksAndRolesFileSchema);
  const certsFile = guide(GUIDE_FILES.certifications, CertificationsFileSchema);
  const programsFile = guide(GUIDE_FILES.programs, ProgramsFileSchema);
  const placesFile = guide(GUIDE_FILES.placesExtra, PlacesExtraFileSchema);
  const settingsFile = guide(GUIDE_FILES.settings, SettingsFileSchema);
  const defaultsFile = guide(GUIDE_FILES.defaults, DefaultsFileSchema);
  const templatesFile = guide(GUIDE_FILES.templates, TemplatesFileSchema);

  const wages = buildWages(csv(RAW_FILES.national), csv(RAW_FILES.state2025), csv(RAW_FILES.state2023));
  const nationalWage = nationalWageLookup(wages);
  const sourceNotes = new Map<string, string[]>();

  const pack: DataPack = {
    format: defaultsFile.pack.format,
    version: defaultsFile.pack.version,
    dataAsOf: dataAsOf(wages),
    sources: [], // filled last, once derivation notes are known
    tracks: rolesFile.tracks.map((t) => ({
      id: t.id,
      name: t.name,
      roleIds: [...t.roleIds],
      sourceId: t.sourceId,
    })),
    roles: rolesFile.roles.map((r) => buildRole(r, nationalWage)),
    places: buildPlaces(placesFile, csv(RAW_FILES.state2025), csv(RAW_FILES.state2023), csv(RAW_FILES.rpp)),
    settings: buildSettings(
      settingsFile,
      csv(RAW_FILES.oohIndustry),
      csv(RAW_FILES.sector2024),
      nationalWage,
    ),
    certifications: certsFile.certifications.map((c) =>
      buildCertification(c, csv(RAW_FILES.certificationEvidence), sourceNotes),
    ),
    programs: programsFile.programs.map(buildProgram),
    wages,
    countryPay: placesFile.countryPay.map((c) => ({
      placeId: c.placeId,
      trackId: c.trackId,
      currency: c.currency,
      min: c.min,
      max: c.max,
      sourceId: c.sourceId,
    })),
    priceLevels: buildPriceLevels(csv(RAW_FILES.rpp)),
    defaults: {
      inflationPct: { ...defaultsFile.defaults.inflationPct },
      realRaisePct: { ...defaultsFile.defaults.realRaisePct },
      hoursPerWeek: { ...defaultsFile.defaults.hoursPerWeek },
      horizonYears: { ...defaultsFile.defaults.horizonYears },
    },
    templates: templatesFile.templates.map(buildTemplate),
  };
  pack.sources = sourcesFile.sources.map((s) => withDerivationNotes(s, sourceNotes.get(s.id)));

  const checked = checkDataPack(pack);
  if (!checked.ok) throw new Error(`the built pack is not valid:\n${describeProblems(checked.problems)}`);
  return checked.value;
}

/** Pretty-printed JSON with a final newline; key order is the order the builder writes. */
export function serializeDataPack(pack: DataPack): string {
  return `${JSON.stringify(pack, null, 2)}\n`;
}

// ---------------------------------------------------------------------------------------------
// Wages

function buildWages(
  national: Array<Record<string, string>>,
  state2025: Array<Record<string, string>>,
  state2023: Array<Record<string, string>>,
): WageEstimate[] {
  const wages: WageEstimate[] = [];
  for (const row of national) {
    if (row.area_code !== US_NATION_AREA_CODE)
      throw new Error(`${RAW_FILES.national}: area ${row.area_code} is not the U.S.`);
    wages.push(wageEstimateFromOewsRow(row, sourceIds.oewsNational(requiredNumber(row, 'year'))));
  }
  const nationalByKey = new Map(wages.map((w) => [`${w.soc} ${w.year}`, w]));

  for (const row of state2025) {
    expectYear(row, 2025, RAW_FILES.state2025);
    const estimate = wageEstimateFromOewsRow(row, sourceIds.oewsState2025);
    if (estimate.placeId === 'US') {
      // The extract repeats the U.S. row; keep the national file's (it also has the mean).
      assertSamePercentiles(estimate, nationalByKey.get(`${estimate.soc} 2025`));
      continue;
    }
    wages.push(estimate);
  }
  for (const row of state2023) {
    expectYear(row, 2023, RAW_FILES.state2023);
    const estimate = wageEstimateFromOewsRow(row, sourceIds.oewsState2023);
    if (estimate.placeId === 'US')
      throw new Error(`${RAW_FILES.state2023}: unexpected U.S. row for ${estimate.soc}`);
    wages.push(estimate);
  }
  return wages.sort(compareWages);
}

function expectYear(row: Record<string, string>, year: number, file: string) {
  if (requiredNumber(row, 'year') !== year)
    throw new Error(`${file}: row for ${row.soc_code} in ${row.area_name} is not ${year}`);
}

function assertSamePercentiles(state: WageEstimate, national: WageEstimate | undefined) {
  const keys = ['p10', 'p25', 'median', 'p75', 'p90'] as const;
  if (!national || keys.some((k) => state[k] !== national[k])) {
    throw new Error(
      `${RAW_FILES.state2025}: the U.S. row for ${state.soc} differs from ${RAW_FILES.national}`,
    );
  }
}

type NationalWageLookup = (soc: string, year: number) => WageEstimate;

function nationalWageLookup(wages: WageEstimate[]): NationalWageLookup {
  const byKey = new Map(wages.filter((w) => w.placeId === 'US').map((w) => [`${w.soc} ${w.year}`, w]));
  return (soc, year) => {
    const row = byKey.get(`${soc} ${year}`);
    if (!row) throw new Error(`no OEWS national row for SOC ${soc} in May ${year}`);
    return row;
  };
}

/**
 * Convention: the pack's data is "as of" the first day of the newest OEWS reference month
 * (OEWS estimates refer to May of their year), e.g. May 2025 → 2025-05-01.
 */
function dataAsOf(wages: WageEstimate[]): string {
  const newest = Math.max(...wages.map((w) => w.year));
  return `${newest}-05-01`;
}

// ---------------------------------------------------------------------------------------------
// Roles, certifications, programs

type GuideRole = ReturnType<typeof TracksAndRolesFileSchema.parse>['roles'][number];

function buildRole(r: GuideRole, nationalWage: NationalWageLookup): Role {
  return {
    id: r.id,
    title: r.title,
    trackId: r.trackId,
    soc: r.soc,
    typicalYears: r.typicalYears
      ? { min: r.typicalYears.min, max: r.typicalYears.max, sourceId: r.typicalYears.sourceId }
      : null,
    medianPay: resolvePay(r.medianPay, nationalWage, `role ${r.id} medianPay`),
    averagePay: resolvePay(r.averagePay, nationalWage, `role ${r.id} averagePay`),
    nextRoleIds: [...r.nextRoleIds],
    requires: { certificationIds: [...r.requires.certificationIds], programIds: [...r.requires.programIds] },
    summary: r.summary,
    sourceId: r.sourceId,
  };
}

function resolvePay(pay: GuidePay, nationalWage: NationalWageLookup, what: string): CitedNumber | null {
  if (pay === null) return null;
  if ('value' in pay) return { value: pay.value, sourceId: pay.sourceId };
  const { soc, year, statistic } = pay.oews;
  const row = nationalWage(soc, year);
  const value = statistic === 'median' ? row.median : row.mean;
  if (value === null)
    throw new Error(`${what}: the OEWS national ${statistic} for ${soc} in May ${year} is blank`);
  return { value, sourceId: row.sourceId };
}

type GuideCertification = ReturnType<typeof CertificationsFileSchema.parse>['certifications'][number];

function buildCertification(
  c: GuideCertification,
  evidence: Array<Record<string, string>>,
  sourceNotes: Map<string, string[]>,
): Certification {
  let payChangePct: Certification['payChangePct'];
  if ('derivedFrom' in c.payChangePct) {
    const d = c.payChangePct.derivedFrom;
    const pick = (group: string) => surveyValue(evidence, d.survey, d.metric, group);
    const certified = pick(d.certifiedGroup);
    const comparison = pick(d.comparisonGroup);
    const value = percentDifference(certified, comparison);
    payChangePct = { value, sourceId: d.sourceId };
    const note =
      `Derived by Pathway Planner for certification "${c.id}": payChangePct = (${usd(certified)} − ${usd(comparison)}) ÷ ` +
      `${usd(comparison)} = ${value > 0 ? '+' : ''}${value}% (${d.label}; rows of data/raw/${RAW_FILES.certificationEvidence}).`;
    sourceNotes.set(d.sourceId, [...(sourceNotes.get(d.sourceId) ?? []), note]);
  } else {
    payChangePct = { value: c.payChangePct.value, assumption: c.payChangePct.assumption };
  }
  return {
    id: c.id,
    name: c.name,
    abbreviation: c.abbreviation,
    issuer: c.issuer,
    trackIds: [...c.trackIds],
    prerequisites: {
      text: c.prerequisites.text,
      anyOfProgramIds: [...c.prerequisites.anyOfProgramIds],
      certificationIds: [...c.prerequisites.certificationIds],
    },
    prepMonths: range(c.prepMonths),
    cost: range(c.cost),
    renewalMonths: c.renewalMonths
      ? { value: c.renewalMonths.value, sourceId: c.renewalMonths.sourceId }
      : null,
    payChangePct,
    sourceId: c.sourceId,
  };
}

/** Exactly one evidence row must match; two would make the choice arbitrary. */
function surveyValue(
  evidence: Array<Record<string, string>>,
  survey: string,
  metric: string,
  group: string,
): number {
  const rows = evidence.filter(
    (r) => r.survey === survey && r.metric === metric && r.credential_group === group,
  );
  if (rows.length !== 1) {
    throw new Error(
      `${RAW_FILES.certificationEvidence}: ${rows.length} rows for "${survey}" / "${metric}" / "${group}" (need exactly 1)`,
    );
  }
  return requiredNumber(rows[0], 'value');
}

function usd(value: number): string {
  return `$${value.toLocaleString('en-US')}`;
}

function range(r: { min: number; max: number; sourceId: string } | null) {
  return r ? { min: r.min, max: r.max, sourceId: r.sourceId } : null;
}

type GuideProgram = ReturnType<typeof ProgramsFileSchema.parse>['programs'][number];

function buildProgram(p: GuideProgram): Program {
  return {
    id: p.id,
    name: p.name,
    kind: p.kind,
    trackIds: [...p.trackIds],
    durationMonths: range(p.durationMonths),
    cost: range(p.cost),
    qualifiesForCertificationIds: [...p.qualifiesForCertificationIds],
    sourceId: p.sourceId,
  };
}

type GuideTemplate = ReturnType<typeof TemplatesFileSchema.parse>['templates'][number];

/** Copies a template in the pack's key order; step quotes are evidence for reviewers and stay behind. */
function buildTemplate(t: GuideTemplate): Template {
  const steps = t.steps.map((s): TemplateStep => {
    const base = { offsetYears: s.offsetYears, why: s.why, sourceId: s.sourceId };
    switch (s.type) {
      case 'role':
        return { type: 'role', role: s.role, ...base };
      case 'certification':
        return { type: 'certification', certification: s.certification, ...base };
      case 'program':
        return { type: 'program', program: s.program, ...base };
      case 'setting':
        return { type: 'setting', setting: s.setting, ...base };
    }
  });
  return {
    id: t.id,
    name: t.name,
    summary: t.summary,
    trackId: t.trackId,
    start: { role: t.start.role, setting: t.start.setting },
    steps,
    sourceId: t.sourceId,
    ...(t.quote !== undefined ? { quote: t.quote } : {}),
  };
}

function withDerivationNotes(source: Source, notes: string[] | undefined): Source {
  if (!notes || notes.length === 0) return { ...source };
  return { ...source, notes: [source.notes, ...notes].filter(Boolean).join(' ') };
}

// ---------------------------------------------------------------------------------------------
// Places and price levels

type PlacesExtra = ReturnType<typeof PlacesExtraFileSchema.parse>;

function buildPlaces(
  extra: PlacesExtra,
  state2025: Array<Record<string, string>>,
  state2023: Array<Record<string, string>>,
  rpp: Array<Record<string, string>>,
): Place[] {
  // Every state, DC and territory that appears in an OEWS state file, named as the file names it.
  const names = new Map<string, string>();
  for (const row of [...state2023, ...state2025]) {
    if (row.area_code === US_NATION_AREA_CODE) continue;
    const known = names.get(row.area_code);
    if (known !== undefined && known !== row.area_name) {
      throw new Error(`area ${row.area_code} is named both "${known}" and "${row.area_name}"`);
    }
    names.set(row.area_code, row.area_name);
  }
  // SOURCES.md: state names come from the BEA file; they must agree with the OEWS names.
  for (const row of rpp) {
    const id = placeIdForBeaGeoFips(row.geo_fips);
    if (id === 'US') continue;
    const fips = row.geo_fips.slice(0, 2);
    if (names.get(fips) !== row.area_name)
      throw new Error(`${RAW_FILES.rpp}: "${row.area_name}" does not match OEWS area ${fips}`);
  }
  const missing = KNOWN_FIPS.filter((fips) => !names.has(fips));
  if (missing.length > 0) throw new Error(`no OEWS state rows for FIPS ${missing.join(', ')}`);

  const states: Place[] = [...names.entries()].map(([fips, name]) => ({
    id: placeIdForArea(fips),
    name,
    kind: TERRITORY_FIPS.has(fips) ? 'territory' : 'state',
    currency: 'USD',
    fips,
    sourceId: sourceIds.oewsState2025,
  }));

  const nation: Place = {
    id: 'US',
    name: extra.nation.name,
    kind: 'nation',
    currency: 'USD',
    ...(extra.nation.note ? { note: extra.nation.note } : {}),
    sourceId: sourceIds.oewsNational(2025),
  };
  const cities: Place[] = extra.cities.map((c) => ({
    id: c.id,
    name: c.name,
    kind: 'city',
    currency: 'USD',
    parentId: c.parentId,
    ...(c.note ? { note: c.note } : {}),
    sourceId: c.sourceId,
  }));
  const countries: Place[] = extra.countries.map((c) => ({
    id: c.id,
    name: c.name,
    kind: 'country',
    currency: c.currency,
    ...(c.note ? { note: c.note } : {}),
    sourceId: c.sourceId,
  }));

  const kindOrder: Record<Place['kind'], number> = { nation: 0, state: 1, territory: 2, city: 3, country: 4 };
  return [nation, ...states, ...cities, ...countries].sort(
    (a, b) => kindOrder[a.kind] - kindOrder[b.kind] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

function buildPriceLevels(rpp: Array<Record<string, string>>): PriceLevel[] {
  return rpp
    .map((row) => {
      const year = requiredNumber(row, 'year');
      return {
        placeId: placeIdForBeaGeoFips(row.geo_fips),
        year,
        rppAllItems: requiredNumber(row, 'rpp_all_items'),
        sourceId: sourceIds.rpp(year),
      };
    })
    .sort((a, b) =>
      a.placeId === b.placeId
        ? a.year - b.year
        : a.placeId === 'US'
          ? -1
          : b.placeId === 'US'
            ? 1
            : a.placeId < b.placeId
              ? -1
              : 1,
    );
}

// ---------------------------------------------------------------------------------------------
// Settings

type SettingsFile = ReturnType<typeof SettingsFileSchema.parse>;

function buildSettings(
  file: SettingsFile,
  ooh: Array<Record<string, string>>,
  sector: Array<Record<string, string>>,
  nationalWage: NationalWageLookup,
): Setting[] {
  const usedOohRows = new Set<number>();
  const settings = file.settings.map((s): Setting => {
    const medians: SettingMedianRow[] = [];
    for (const label of s.oohLabels ?? []) {
      ooh.forEach((row, index) => {
        if (row.industry_as_labelled_by_ooh !== label) return;
        usedOohRows.add(index);
        medians.push(oohMedian(row, nationalWage));
      });
    }
    if (s.sector) {
      const { naics, ownCode } = s.sector;
      const rows = sector.filter((row) => row.naics === naics && row.own_code === ownCode);
      if (rows.length === 0)
        throw new Error(`${RAW_FILES.sector2024}: no rows for NAICS ${naics} own_code ${ownCode}`);
      for (const row of rows) {
        const median = optionalNumber(row, 'a_median');
        if (median === null) continue; // withheld: no median, no factor
        const year = requiredNumber(row, 'year');
        const national = nationalWage(row.soc_code, year).median;
        if (national === null) throw new Error(`no OEWS national median for ${row.soc_code} in May ${year}`);
        medians.push({
          soc: row.soc_code,
          year,
          median,
          nationalMedian: national,
          sourceId: sourceIds.oewsSector2024,
        });
      }
    }
    medians.sort((a, b) => (a.soc === b.soc ? a.year - b.year : a.soc < b.soc ? -1 : 1));
    return { id: s.id, name: s.name, medians, ...(s.note ? { note: s.note } : {}) };
  });
  const unused = ooh
    .filter((_, index) => !usedOohRows.has(index))
    .map((r) => `"${r.industry_as_labelled_by_ooh}"`);
  if (unused.length > 0)
    throw new Error(`${RAW_FILES.oohIndustry}: no setting takes the OOH industries ${unused.join(', ')}`);
  return settings;
}

function oohMedian(row: Record<string, string>, nationalWage: NationalWageLookup): SettingMedianRow {
  const period = /^May (\d{4})$/.exec(row.reference_period);
  if (!period)
    throw new Error(`${RAW_FILES.oohIndustry}: reference period "${row.reference_period}" is not "May YYYY"`);
  const year = Number(period[1]);
  const nationalMedian = requiredNumber(row, 'national_annual_median_wage');
  // OOH records the national median alongside; it must be the OEWS national median of the same release.
  const oews = nationalWage(row.soc_code, year).median;
  if (oews !== nationalMedian) {
    throw new Error(
      `${RAW_FILES.oohIndustry}: national median ${nationalMedian} for ${row.soc_code} May ${year} ≠ OEWS ${oews}`,
    );
  }
  return {
    soc: row.soc_code,
    year,
    median: requiredNumber(row, 'annual_median_wage'),
    nationalMedian,
    sourceId: sourceIds.oohIndustry(year),
  };
}
