export const inventoryKeys = {
  /** Everything of the inventory: a verdict or a settlement changes lists, records and progress alike. */
  all: ['inventory'] as const,
  states: ['inventory', 'states'] as const,
  departments: ['inventory', 'departments'] as const,
  progress: (region: string | undefined) => ['inventory', 'progress', region ?? ''] as const,
  pilots: ['inventory', 'pilots'] as const,
  records: ['inventory', 'records'] as const,
  record: (id: number) => ['inventory', 'record', id] as const,
  zones: (region: string | undefined) => ['inventory', 'zones', region ?? ''] as const,
  packages: (region: string | undefined) => ['inventory', 'packages', region ?? ''] as const,
  pkg: (id: number) => ['inventory', 'package', id] as const,
};

/** The base path of every inventory route. */
export const INV = '/api/v1/inventory';
