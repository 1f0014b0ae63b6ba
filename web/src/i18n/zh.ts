// Chinese, the default language. en.ts must mirror these keys (its type says so).
// The strings live per feature in zh/; this file puts them together in the original order.
import type { Strings } from './strings.ts';
import { accounting } from './zh/accounting.ts';
import { agencies } from './zh/agencies.ts';
import { audit } from './zh/audit.ts';
import { login } from './zh/auth.ts';
import { common, departments, errors, header, lang, levels, nav, roles } from './zh/common.ts';
import { directory } from './zh/directory.ts';
import { channels } from './zh/channels.ts';
import { emissions } from './zh/emissions.ts';
import { field } from './zh/field.ts';
import { home } from './zh/home.ts';
import { inventory } from './zh/inventory.ts';
import { jobs } from './zh/jobs.ts';
import { outfalls } from './zh/outfalls.ts';
import { queue } from './zh/merge-queue.ts';
import { regions } from './zh/regions.ts';
import { registers } from './zh/registers.ts';
import { review } from './zh/review.ts';
import { supervisionWork } from './zh/supervision-work.ts';
import { supervision } from './zh/supervision.ts';
import { survey } from './zh/survey.ts';
import { teams } from './zh/teams.ts';
import { portal } from './zh/portal.ts';
import { users } from './zh/users.ts';

export const zh = {
  common,
  lang,
  nav,
  header,
  login,
  home,
  roles,
  levels,
  departments,
  regions,
  users,
  teams,
  agencies,
  audit,
  jobs,
  registers,
  directory,
  queue,
  inventory,
  field,
  survey,
  review,
  accounting,
  emissions,
  supervisionWork,
  supervision,
  outfalls,
  channels,
  portal,
  errors,
};

export type Resources = Strings<typeof zh>;
