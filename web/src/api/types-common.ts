// Shapes shared by the console's API types (types.ts and types-directory.ts); re-exported by
// types.ts, so callers import from there.

export const DEPARTMENTS = ['samr', 'tax', 'stats', 'mee', 'miit', 'moa', 'mwr', 'mohurd', 'other'] as const;

export type Department = (typeof DEPARTMENTS)[number];

export interface LocalizedText {
  zh: string;
  en: string;
}

export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;

export type JobStatus = (typeof JOB_STATUSES)[number];

export interface Job {
  id: number;
  kind: string;
  status: JobStatus;
  regionCode: string;
  createdBy: number | null;
  params: unknown;
  progressDone: number;
  progressTotal: number | null;
  message: string | null;
  result: unknown;
  error: unknown;
  cancelRequested: boolean;
  attempts: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}
