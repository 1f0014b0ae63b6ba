// English. Typed by zh.ts's Resources, and each part in en/ by its zh/ counterpart.
// The strings live per feature in en/; this file puts them together in the original order.
import type { Resources } from './zh.ts';
import { accounting } from './en/accounting.ts';
import { agencies } from './en/agencies.ts';
import { audit } from './en/audit.ts';
import { login } from './en/auth.ts';
import { common, departments, errors, header, lang, levels, nav, roles } from './en/common.ts';
import { directory } from './en/directory.ts';
import { channels } from './en/channels.ts';
import { emissions } from './en/emissions.ts';
import { field } from './en/field.ts';
import { home } from './en/home.ts';
import { inventory } from './en/inventory.ts';
import { jobs } from './en/jobs.ts';
import { outfalls } from './en/outfalls.ts';
import { queue } from './en/merge-queue.ts';
import { regions } from './en/regions.ts';
import { registers } from './en/registers.ts';
import { review } from './en/review.ts';
import { supervisionWork } from './en/supervision-work.ts';
import { supervision } from './en/supervision.ts';
import { survey } from './en/survey.ts';
import { teams } from './en/teams.ts';
import { portal } from './en/portal.ts';
import { users } from './en/users.ts';

export const en: Resources = {
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
