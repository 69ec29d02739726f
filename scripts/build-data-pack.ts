/**
 * `npm run data:build`: rebuilds data/pack.json from data/raw/*.csv and data/guides/*.json,
 * validates it (schema + cross-references) and writes it only if it is valid.
 * `--check` writes nothing and fails if data/pack.json is not what the inputs build.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDataPack, serializeDataPack } from './data-pack/build';
import { dataPackPath, readDataPackInputs } from './data-pack/read-inputs';

function main(): number {
  const repoRoot = join(__dirname, '..');
  const target = dataPackPath(repoRoot);
  const pack = buildDataPack(readDataPackInputs(repoRoot));
  const text = serializeDataPack(pack);

  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(target, 'utf8');
    } catch {
      // missing file: reported below as out of date
    }
    if (current !== text) {
      console.error(`${target} is out of date: run npm run data:build`);
      return 1;
    }
    console.log(`${target} is up to date.`);
    return 0;
  }

  writeFileSync(target, text);
  const settingMedians = pack.settings.reduce((n, s) => n + s.medians.length, 0);
  console.log(
    `Wrote ${target}: ${pack.sources.length} sources, ${pack.tracks.length} tracks, ${pack.roles.length} roles, ` +
      `${pack.places.length} places, ${pack.wages.length} wage rows, ${pack.settings.length} settings (${settingMedians} medians), ` +
      `${pack.certifications.length} certifications, ${pack.programs.length} programs, ${pack.countryPay.length} country pay ranges, ` +
      `${pack.priceLevels.length} price levels; data as of ${pack.dataAsOf}.`,
  );
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(`data:build failed: ${(error as Error).message}`);
  process.exitCode = 1;
}
