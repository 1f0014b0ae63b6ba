import type { QueueFilter } from '../../../api/review-types.ts';

export const reviewKeys = {
  /** Everything of the review: an approval changes queues, summaries, submissions and phases alike. */
  all: ['review'] as const,
  chain: ['review', 'chain'] as const,
  queue: ['review', 'queue'] as const,
  summary: (f: QueueFilter) => ['review', 'summary', f] as const,
  submission: (id: string) => ['review', 'submission', id] as const,
  phase: (phase: string, region: string | undefined) => ['review', 'phase', phase, region ?? ''] as const,
  qcSettings: ['review', 'qc', 'settings'] as const,
  samples: (region: string | undefined, phase: string | undefined) => ['review', 'qc', 'samples', region ?? '', phase ?? ''] as const,
  sample: (id: number) => ['review', 'qc', 'sample', id] as const,
  rates: (region: string | undefined) => ['review', 'qc', 'rates', region ?? ''] as const,
  rules: (region: string | undefined) => ['review', 'qc', 'rules', region ?? ''] as const,
};

/** The base path of every review route. */
export const REVIEW = '/api/v1/review';
