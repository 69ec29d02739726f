/**
 * U.S. state, DC and territory identifiers: the 2-digit FIPS code (which BLS OEWS uses as the
 * state area code, and BEA as the first two digits of its 5-digit GeoFIPS) and the USPS
 * abbreviation used in place ids (`US-CA`). Names are not kept here: they come from the data files.
 */

export const US_NATION_AREA_CODE = '99';

const FIPS_TO_USPS: Readonly<Record<string, string>> = {
  '01': 'AL',
  '02': 'AK',
  '04': 'AZ',
  '05': 'AR',
  '06': 'CA',
  '08': 'CO',
  '09': 'CT',
  '10': 'DE',
  '11': 'DC',
  '12': 'FL',
  '13': 'GA',
  '15': 'HI',
  '16': 'ID',
  '17': 'IL',
  '18': 'IN',
  '19': 'IA',
  '20': 'KS',
  '21': 'KY',
  '22': 'LA',
  '23': 'ME',
  '24': 'MD',
  '25': 'MA',
  '26': 'MI',
  '27': 'MN',
  '28': 'MS',
  '29': 'MO',
  '30': 'MT',
  '31': 'NE',
  '32': 'NV',
  '33': 'NH',
  '34': 'NJ',
  '35': 'NM',
  '36': 'NY',
  '37': 'NC',
  '38': 'ND',
  '39': 'OH',
  '40': 'OK',
  '41': 'OR',
  '42': 'PA',
  '44': 'RI',
  '45': 'SC',
  '46': 'SD',
  '47': 'TN',
  '48': 'TX',
  '49': 'UT',
  '50': 'VT',
  '51': 'VA',
  '53': 'WA',
  '54': 'WV',
  '55': 'WI',
  '56': 'WY',
  // Territories that appear in the OEWS state files.
  '66': 'GU',
  '72': 'PR',
  '78': 'VI',
};

export const TERRITORY_FIPS: ReadonlySet<string> = new Set(['66', '72', '78']);

/** Every state/DC/territory FIPS code this module knows, in FIPS order. */
export const KNOWN_FIPS: readonly string[] = Object.keys(FIPS_TO_USPS).sort();

/** `99` → `US`; a state/territory FIPS code → `US-XX`. Throws on a code it does not know. */
export function placeIdForArea(areaCode: string): string {
  if (areaCode === US_NATION_AREA_CODE) return 'US';
  const usps = FIPS_TO_USPS[areaCode];
  if (!usps) throw new Error(`unknown BLS/FIPS area code "${areaCode}"`);
  return `US-${usps}`;
}

/** BEA GeoFIPS (`00000` U.S., `06000` California) → place id. */
export function placeIdForBeaGeoFips(geoFips: string): string {
  if (!/^\d{5}$/.test(geoFips) || !geoFips.endsWith('000'))
    throw new Error(`not a BEA state GeoFIPS "${geoFips}"`);
  return geoFips === '00000' ? 'US' : placeIdForArea(geoFips.slice(0, 2));
}
