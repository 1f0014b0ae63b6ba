export const teamKeys = { all: ['teams'] as const, list: ['teams', 'list'] as const };
