/**
 * Validates a data pack: the zod schema first, then the references between its parts (ids that
 * must exist, ids that must be unique, roles that must have U.S. wage data). Each problem names
 * the JSON path of the offending value, e.g. `$.roles[3].sourceId: unknown source "foo"`.
 * Pure: no Node, Electron or DOM, so main, renderer and tests can all use it.
 */
import { DataPackSchema, type DataPack } from './schema';
import { jsonPath, problemsFromZod, type Checked, type Problem } from '../domain/problems';

type Path = ReadonlyArray<string | number>;

export function checkDataPack(input: unknown): Checked<DataPack> {
  const parsed = DataPackSchema.safeParse(input);
  if (!parsed.success) return { ok: false, problems: problemsFromZod(parsed.error) };
  const problems = crossReferenceProblems(parsed.data);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: parsed.data };
}

/** Reference checks on a pack that already matches the schema. Exported for tests. */
export function crossReferenceProblems(pack: DataPack): Problem[] {
  const problems: Problem[] = [];
  const report = (path: Path, message: string) => problems.push({ path: jsonPath(path), message });

  const ids = {
    sources: uniqueIds(pack.sources, 'sources', 'source', report),
    tracks: uniqueIds(pack.tracks, 'tracks', 'track', report),
    roles: uniqueIds(pack.roles, 'roles', 'role', report),
    places: uniqueIds(pack.places, 'places', 'place', report),
    settings: uniqueIds(pack.settings, 'settings', 'setting', report),
    certifications: uniqueIds(pack.certifications, 'certifications', 'certification', report),
    programs: uniqueIds(pack.programs, 'programs', 'program', report),
    templates: uniqueIds(pack.templates, 'templates', 'template', report),
  };

  const expectId = (set: ReadonlySet<string>, noun: string, id: string, path: Path) => {
    if (!set.has(id)) report(path, `unknown ${noun} "${id}"`);
  };
  const source = (id: string, path: Path) => expectId(ids.sources, 'source', id, path);
  const track = (id: string, path: Path) => expectId(ids.tracks, 'track', id, path);
  const role = (id: string, path: Path) => expectId(ids.roles, 'role', id, path);
  const place = (id: string, path: Path) => expectId(ids.places, 'place', id, path);
  const certification = (id: string, path: Path) => expectId(ids.certifications, 'certification', id, path);
  const program = (id: string, path: Path) => expectId(ids.programs, 'program', id, path);
  /** A Figure cites a source only when it is not an assumption. */
  const figure = (value: object | null, path: Path) => {
    if (value && 'sourceId' in value && typeof value.sourceId === 'string')
      source(value.sourceId, [...path, 'sourceId']);
  };

  const rolesById = new Map(pack.roles.map((r) => [r.id, r]));
  const placesById = new Map(pack.places.map((p) => [p.id, p]));

  pack.tracks.forEach((t, i) => {
    source(t.sourceId, ['tracks', i, 'sourceId']);
    duplicatesIn(t.roleIds).forEach((id) =>
      report(['tracks', i, 'roleIds'], `lists role "${id}" more than once`),
    );
    t.roleIds.forEach((id, j) => {
      const r = rolesById.get(id);
      if (!r) report(['tracks', i, 'roleIds', j], `unknown role "${id}"`);
      else if (r.trackId !== t.id)
        report(['tracks', i, 'roleIds', j], `role "${id}" belongs to track "${r.trackId}", not "${t.id}"`);
    });
  });

  const tracksById = new Map(pack.tracks.map((t) => [t.id, t]));
  const usWage = new Set(pack.wages.filter((w) => w.placeId === 'US').map((w) => w.soc));
  pack.roles.forEach((r, i) => {
    const at = ['roles', i] as const;
    source(r.sourceId, [...at, 'sourceId']);
    const t = tracksById.get(r.trackId);
    if (!t) report([...at, 'trackId'], `unknown track "${r.trackId}"`);
    else if (!t.roleIds.includes(r.id))
      report([...at, 'trackId'], `track "${r.trackId}" does not list role "${r.id}"`);
    if (r.soc !== null && !usWage.has(r.soc)) report([...at, 'soc'], `no U.S. wage row for SOC ${r.soc}`);
    if (r.typicalYears) {
      source(r.typicalYears.sourceId, [...at, 'typicalYears', 'sourceId']);
      if (r.typicalYears.max !== null && r.typicalYears.max < r.typicalYears.min) {
        report([...at, 'typicalYears', 'max'], 'must not be less than min');
      }
    }
    figure(r.medianPay, [...at, 'medianPay']);
    figure(r.averagePay, [...at, 'averagePay']);
    r.nextRoleIds.forEach((id, j) => {
      role(id, [...at, 'nextRoleIds', j]);
      if (id === r.id) report([...at, 'nextRoleIds', j], 'a role cannot lead to itself');
    });
    r.requires.certificationIds.forEach((id, j) =>
      certification(id, [...at, 'requires', 'certificationIds', j]),
    );
    r.requires.programIds.forEach((id, j) => program(id, [...at, 'requires', 'programIds', j]));
  });

  pack.places.forEach((p, i) => {
    source(p.sourceId, ['places', i, 'sourceId']);
    if (p.parentId !== undefined) {
      if (!placesById.has(p.parentId)) report(['places', i, 'parentId'], `unknown place "${p.parentId}"`);
      else if (p.parentId === p.id) report(['places', i, 'parentId'], 'a place cannot be its own parent');
    }
    if ((p.kind === 'state' || p.kind === 'territory') && p.fips === undefined)
      report(['places', i, 'fips'], `a ${p.kind} needs its FIPS code`);
    if (p.kind === 'city' && p.parentId === undefined)
      report(['places', i, 'parentId'], 'a city needs its state as parentId');
  });
  duplicateKeys(
    pack.places.filter((p) => p.fips !== undefined),
    (p) => p.fips as string,
  ).forEach((fips) => report(['places'], `FIPS code ${fips} is used by more than one place`));

  const wageKey = (w: { soc: string; placeId: string; year: number }) => `${w.soc} ${w.placeId} ${w.year}`;
  const seenWages = new Set<string>();
  pack.wages.forEach((w, i) => {
    source(w.sourceId, ['wages', i, 'sourceId']);
    place(w.placeId, ['wages', i, 'placeId']);
    if (seenWages.has(wageKey(w)))
      report(['wages', i], `a second wage row for SOC ${w.soc} in ${w.placeId} for ${w.year}`);
    seenWages.add(wageKey(w));
    const order = (['p10', 'p25', 'median', 'p75', 'p90'] as const).filter((k) => w[k] !== null);
    for (let k = 1; k < order.length; k += 1) {
      if ((w[order[k]] as number) < (w[order[k - 1]] as number)) {
        report(['wages', i, order[k]], `must not be below ${order[k - 1]}`);
      }
    }
  });

  const usMedian = new Map(
    pack.wages
      .filter((w) => w.placeId === 'US' && w.median !== null)
      .map((w) => [`${w.soc} ${w.year}`, w.median]),
  );
  pack.settings.forEach((s, i) => {
    const seen = new Set<string>();
    s.medians.forEach((m, j) => {
      const at = ['settings', i, 'medians', j] as const;
      source(m.sourceId, [...at, 'sourceId']);
      const key = `${m.soc} ${m.year}`;
      if (seen.has(key)) report(at, `a second median for SOC ${m.soc} in ${m.year}`);
      seen.add(key);
      // A setting factor is median ÷ nationalMedian, so both must be of the same release.
      const national = usMedian.get(key);
      if (national !== undefined && national !== m.nationalMedian) {
        report(
          [...at, 'nationalMedian'],
          `is ${m.nationalMedian}, but the U.S. wage row for SOC ${m.soc} in ${m.year} has median ${national}`,
        );
      }
    });
  });

  pack.certifications.forEach((c, i) => {
    const at = ['certifications', i] as const;
    source(c.sourceId, [...at, 'sourceId']);
    c.trackIds.forEach((id, j) => track(id, [...at, 'trackIds', j]));
    c.prerequisites.anyOfProgramIds.forEach((id, j) =>
      program(id, [...at, 'prerequisites', 'anyOfProgramIds', j]),
    );
    c.prerequisites.certificationIds.forEach((id, j) => {
      certification(id, [...at, 'prerequisites', 'certificationIds', j]);
      if (id === c.id)
        report([...at, 'prerequisites', 'certificationIds', j], 'a certification cannot require itself');
    });
    figure(c.prepMonths, [...at, 'prepMonths']);
    figure(c.cost, [...at, 'cost']);
    figure(c.renewalMonths, [...at, 'renewalMonths']);
    figure(c.payChangePct, [...at, 'payChangePct']);
  });

  pack.programs.forEach((p, i) => {
    const at = ['programs', i] as const;
    source(p.sourceId, [...at, 'sourceId']);
    p.trackIds.forEach((id, j) => track(id, [...at, 'trackIds', j]));
    p.qualifiesForCertificationIds.forEach((id, j) =>
      certification(id, [...at, 'qualifiesForCertificationIds', j]),
    );
    figure(p.durationMonths, [...at, 'durationMonths']);
    figure(p.cost, [...at, 'cost']);
  });

  const seenCountryPay = new Set<string>();
  pack.countryPay.forEach((c, i) => {
    const at = ['countryPay', i] as const;
    source(c.sourceId, [...at, 'sourceId']);
    track(c.trackId, [...at, 'trackId']);
    const p = placesById.get(c.placeId);
    if (!p) report([...at, 'placeId'], `unknown place "${c.placeId}"`);
    else {
      if (p.kind !== 'country')
        report([...at, 'placeId'], `place "${c.placeId}" is a ${p.kind}, not a country`);
      // Pay is kept in the currency the guide printed; it must be the country's own.
      if (p.currency !== c.currency)
        report([...at, 'currency'], `is ${c.currency}, but ${c.placeId} uses ${p.currency}`);
    }
    if (c.min > c.max) report([...at, 'min'], 'must not exceed max');
    const key = `${c.placeId} ${c.trackId}`;
    if (seenCountryPay.has(key)) report(at, `a second pay range for ${c.placeId} on track "${c.trackId}"`);
    seenCountryPay.add(key);
  });

  const seenPriceLevels = new Set<string>();
  pack.priceLevels.forEach((p, i) => {
    source(p.sourceId, ['priceLevels', i, 'sourceId']);
    place(p.placeId, ['priceLevels', i, 'placeId']);
    const key = `${p.placeId} ${p.year}`;
    if (seenPriceLevels.has(key))
      report(['priceLevels', i], `a second price level for ${p.placeId} in ${p.year}`);
    seenPriceLevels.add(key);
  });

  (Object.keys(pack.defaults) as Array<keyof DataPack['defaults']>).forEach((key) =>
    figure(pack.defaults[key], ['defaults', key]),
  );

  // Templates: every id they name exists, the start role is on the template's track, and the
  // steps are in time order (the UI lists them as they come).
  pack.templates.forEach((t, i) => {
    const at = ['templates', i] as const;
    source(t.sourceId, [...at, 'sourceId']);
    track(t.trackId, [...at, 'trackId']);
    const start = rolesById.get(t.start.role);
    if (!start) report([...at, 'start', 'role'], `unknown role "${t.start.role}"`);
    else if (ids.tracks.has(t.trackId) && start.trackId !== t.trackId)
      report(
        [...at, 'start', 'role'],
        `role "${start.id}" belongs to track "${start.trackId}", not "${t.trackId}"`,
      );
    expectId(ids.settings, 'setting', t.start.setting, [...at, 'start', 'setting']);
    t.steps.forEach((step, j) => {
      const stepAt = [...at, 'steps', j] as const;
      source(step.sourceId, [...stepAt, 'sourceId']);
      if (j > 0 && step.offsetYears < t.steps[j - 1].offsetYears)
        report([...stepAt, 'offsetYears'], 'steps must be in order of offsetYears');
      switch (step.type) {
        case 'role':
          return role(step.role, [...stepAt, 'role']);
        case 'certification':
          return certification(step.certification, [...stepAt, 'certification']);
        case 'program':
          return program(step.program, [...stepAt, 'program']);
        case 'setting':
          return expectId(ids.settings, 'setting', step.setting, [...stepAt, 'setting']);
      }
    });
  });

  return problems;
}

function uniqueIds(
  items: ReadonlyArray<{ id: string }>,
  collection: string,
  noun: string,
  report: (path: Path, message: string) => void,
): Set<string> {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id)) report([collection, i, 'id'], `duplicate ${noun} id "${item.id}"`);
    seen.add(item.id);
  });
  return seen;
}

function duplicatesIn(values: readonly string[]): string[] {
  return duplicateKeys(values, (v) => v);
}

function duplicateKeys<T>(items: readonly T[], key: (item: T) => string): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const item of items) {
    const k = key(item);
    if (seen.has(k)) repeated.add(k);
    seen.add(k);
  }
  return [...repeated];
}
