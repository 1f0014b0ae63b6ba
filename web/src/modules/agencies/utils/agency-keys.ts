export const agencyKeys = {
  all: ['agencies'] as const,
  list: ['agencies', 'list'] as const,
  options: (q: string) => ['agencies', 'options', q] as const,
  one: (id: number) => ['agencies', 'one', id] as const,
};
