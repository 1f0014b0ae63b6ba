// English for the field app (the mobile/tablet data-collection shell). Typed by zh/field.ts, so
// the keys must match.
import type { Strings } from '../strings.ts';
import type * as zh from '../zh/field.ts';
import { fieldInventory } from './field-inventory.ts';
import { fieldOutfalls } from './field-outfalls.ts';
import { fieldSurvey } from './field-survey.ts';

export const field: Strings<typeof zh.field> = {
  title: 'Field collection',
  online: 'Online',
  offline: 'Offline',
  offlineHint: 'You are offline; sync when connected',
  tabs: {
    tasks: 'Tasks',
    map: 'Map',
    sync: 'Sync',
    me: 'Me',
    outfalls: 'Outfalls',
  },
  mapTitle: 'Work area',
  mapHint: 'Base maps and source locations arrive with the inventory module.',
  syncTitle: 'Data sync',
  connection: 'Network',
  shell: 'Offline use',
  shellReady: 'The app is cached and opens offline',
  shellPending: 'Not cached yet (available after the first load of a release build)',
  storage: 'Storage on this device',
  storageUsage: '{{used}} used of {{quota}}',
  unknown: 'Unknown',
  pending: 'Records waiting to upload',
  meTitle: 'About me',
  language: 'Language',
  console: 'Open the console',
  ...fieldInventory,
  ...fieldSurvey,
  ...fieldOutfalls,
};
