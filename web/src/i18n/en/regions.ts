// English for the administrative regions page and the region picker. Typed by zh/regions.ts, so
// the keys must match.
import type { Strings } from '../strings.ts';
import type * as zh from '../zh/regions.ts';

export const regions: Strings<typeof zh.regions> = {
  title: 'Regions',
  tree: 'Region tree',
  searchPlaceholder: 'Name, pinyin, initials or code',
  noResults: 'No matching region',
  details: 'Region details',
  code: 'Code',
  name: 'Name',
  level: 'Level',
  parent: 'Parent',
  pilot: 'Pilot',
  pilotCounty: 'Pilot county',
  pilotOnlyCounty: 'Only counties can be pilots',
  pilotSaved: 'Pilot flag updated',
  selectHint: 'Pick a region in the tree, or search for one',
  picker: 'Choose a region',
};
