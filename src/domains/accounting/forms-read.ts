// The survey forms the emission accounting reads, per source category: industry G101-1 for
// production hours, the G106 forms and J101-3 for activity and monitoring; livestock N101-2
// (herds, manure); domestic S103 (boilers), S104 and S105 (outfall and its samples); centralised
// J101-1/2/3 (process, volume and quality, monitoring); mobile Y102 (sales, vapour recovery).
// A leaf module: the survey's and the review's SQL mark a source for recomputing only when one of
// these changes, without importing the accounting.
export const CATEGORY_FORMS: Readonly<Record<string, readonly string[]>> = {
  industrial: ['G101-1', 'G106-1', 'G106-2', 'G106-3', 'J101-3'],
  livestock: ['N101-2'],
  domestic: ['S103', 'S104', 'S105'],
  centralised: ['J101-1', 'J101-2', 'J101-3'],
  mobile: ['Y102'],
};

export const ACCOUNTING_FORMS: readonly string[] = [...new Set(Object.values(CATEGORY_FORMS).flat())];
