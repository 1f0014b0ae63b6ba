// English for the third-party agencies page. Typed by zh/agencies.ts, so the keys must match.
import type { Strings } from '../strings.ts';
import type * as zh from '../zh/agencies.ts';

export const agencies: Strings<typeof zh.agencies> = {
  title: 'Agencies',
  create: 'New agency',
  edit: 'Edit agency',
  name: 'Name',
  region: 'Region',
  creditCode: 'Unified social credit code',
  creditCodeInvalid: 'A credit code is 18 digits or capital letters',
  contact: 'Contact',
  phone: 'Phone',
  contractRef: 'Contract ref.',
  createdAt: 'Registered',
  searchPlaceholder: 'Agency name or credit code',
};
