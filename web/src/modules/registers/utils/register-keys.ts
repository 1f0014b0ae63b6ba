export const registerKeys = {
  all: ['registers'] as const,
  list: ['registers', 'list'] as const,
  one: (id: number) => ['registers', 'one', id] as const,
  rows: (id: number) => ['registers', 'rows', id] as const,
  errors: (id: number) => ['registers', 'errors', id] as const,
};
