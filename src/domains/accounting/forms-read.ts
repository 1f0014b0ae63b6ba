// The survey forms the emission accounting reads (G101-1 for production hours, the G106 forms
// and J101-3 for activity and monitoring). A leaf module: the survey's and the review's SQL mark a
// source for recomputing only when one of these changes, without importing the accounting.
export const ACCOUNTING_FORMS: readonly string[] = ['G101-1', 'G106-1', 'G106-2', 'G106-3', 'J101-3'];
