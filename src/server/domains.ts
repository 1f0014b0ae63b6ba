// The domains of Pucha, in one list: each brings its routes and its job kinds.
// A new domain adds one line here.
import type { FastifyInstance } from 'fastify';
import type { Chore, JobHandler } from '../domains/jobs/index.ts';
import { sessionRoutes } from '../domains/access/index.ts';
import { loadVillagesJob, regionRoutes } from '../domains/regions/index.ts';
import { auditRoutes } from '../domains/audit/index.ts';
import { jobRoutes } from '../domains/jobs/index.ts';
import { peopleRoutes, peopleJobs } from '../domains/people/index.ts';
import { demoRoutes, demoJobs } from '../domains/demo/index.ts';
import { directoryJobs, directoryRoutes, registerRoutes, uploadSweepChore } from '../domains/directory/index.ts';
import { inventoryJobs, inventoryRoutes } from '../domains/inventory/index.ts';
import { surveyRoutes } from '../domains/survey/index.ts';
import { bulkApproveJob, reviewRoutes } from '../domains/review/index.ts';
import { emissionRoutes, recomputeJob, settleDirty, verifyJob } from '../domains/accounting/emissions/index.ts';
import { accountingRoutes } from '../domains/accounting/index.ts';
import { escalateOverdue, supervisionRoutes } from '../domains/supervision/index.ts';
import { channelRoutes, deliverWebhooks } from '../domains/supervision/channels/index.ts';
import { portalRoutes, publishDue } from '../domains/portal/index.ts';
import { portalSiteRoutes } from '../domains/portal/site/index.ts';
import { outfallRoutes } from '../domains/outfalls/index.ts';
import { radioactiveRoutes } from '../domains/radioactive/index.ts';
import { SYSTEM } from '../domains/access/index.ts';

export interface DomainModule {
  name: string;
  routes?: (app: FastifyInstance) => Promise<void>;
  jobs?: JobHandler<any>[];
  /** Upkeep the worker runs between jobs. */
  chores?: Chore[];
}

export const DOMAINS: DomainModule[] = [
  { name: 'access', routes: sessionRoutes },
  { name: 'regions', routes: regionRoutes, jobs: [loadVillagesJob] },
  { name: 'people', routes: peopleRoutes, jobs: peopleJobs },
  { name: 'audit', routes: auditRoutes },
  { name: 'jobs', routes: jobRoutes },
  { name: 'demo', routes: demoRoutes, jobs: demoJobs },
  { name: 'directory', routes: registerRoutes, jobs: directoryJobs, chores: [uploadSweepChore()] },
  { name: 'directory-sources', routes: directoryRoutes },
  { name: 'inventory', routes: inventoryRoutes, jobs: inventoryJobs },
  { name: 'survey', routes: surveyRoutes },
  { name: 'review', routes: reviewRoutes, jobs: [bulkApproveJob] },
  { name: 'accounting-emissions', routes: emissionRoutes, jobs: [recomputeJob, verifyJob], chores: [(db) => settleDirty(db)] },
  { name: 'accounting', routes: accountingRoutes },
  { name: 'supervision', routes: supervisionRoutes, chores: [(db) => escalateOverdue(db)] },
  { name: 'supervision-channels', routes: channelRoutes, chores: [(db) => deliverWebhooks(db)] },
  { name: 'portal', routes: portalRoutes, chores: [(db) => publishDue(db, SYSTEM)] },
  { name: 'outfalls', routes: outfallRoutes },
  { name: 'radioactive', routes: radioactiveRoutes },
  { name: 'portal-site', routes: portalSiteRoutes },
];
