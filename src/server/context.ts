// What every route handler and job can reach. Built once at start-up.
import type { Config } from '../config.ts';
import type { Database, Db } from '../core/db/index.ts';
import type { Action } from '../domains/access/policy.ts';
import type { Actor } from '../domains/access/actor.ts';
import type { JobRunner } from '../domains/jobs/index.ts';
import type { SessionView } from '../domains/access/session.ts';

export interface AppContext {
  config: Config;
  database: Database;
  db: Db;
  jobs: JobRunner;
  /** Bearer token that the CLI on this machine reads from the data folder's lock file. */
  localToken: string;
}

/** Kinds of row a route parameter names; the access matrix test makes one in and one out of scope per kind. */
export type ResourceKind = 'region' | 'user' | 'team' | 'agency' | 'job' | 'register' | 'source' | 'candidate' | 'merge' | 'zone' | 'package' | 'record' | 'photo' | 'submission' | 'form' | 'invitation' | 'attachment' | 'sample' | 'coefficient-version' | 'dispatch' | 'briefing' | 'case' | 'channel' | 'supervision-file' | 'portal-article' | 'portal-link' | 'portal-dataset' | 'outfall' | 'outfall-reach' | 'outfall-image' | 'outfall-photo' | 'radio-enterprise' | 'radio-measurement' | 'radio-file';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The policy action this route performs; required on every /api route that is not public. */
    action?: Action;
    /** A route anyone may call (login, health). */
    public?: boolean;
    /** The kind of row named by the route's `:code` or `:id` parameter. */
    resource?: ResourceKind;
  }
  interface FastifyRequest {
    actor?: Actor;
    /** The cookie session that let this request in (absent for the CLI's bearer token). */
    session?: SessionView;
  }
  interface FastifyInstance {
    ctx: AppContext;
    routeTable: RouteInfo[];
  }
}

export interface RouteInfo {
  method: string;
  url: string;
  action?: Action;
  public: boolean;
  resource?: ResourceKind;
  /** The names its querystring schema declares (for the suites that walk the router). */
  query: string[];
}
