export const directoryKeys = {
  /** Everything of the directory: a merge or a deletion changes lists, sources and the queue alike. */
  all: ['directory'] as const,
  sources: ['directory', 'sources'] as const,
  source: (id: number) => ['directory', 'source', id] as const,
  candidates: ['directory', 'candidates'] as const,
  signOffs: ['directory', 'signoffs'] as const,
};
