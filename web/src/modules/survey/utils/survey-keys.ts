export const surveyKeys = {
  all: ['survey'] as const,
  source: (id: number) => ['survey', 'source', id] as const,
  submission: (id: string) => ['survey', 'submission', id] as const,
};
