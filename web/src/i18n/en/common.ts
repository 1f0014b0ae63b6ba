// English for the shared strings: common words and buttons, language switch, navigation, header,
// roles, region levels, departments and error pages. Typed by zh/common.ts, so the keys must
// match.
import type { Strings } from '../strings.ts';
import type * as zh from '../zh/common.ts';

export const common: Strings<typeof zh.common> = {
  appName: 'Pucha',
  appTitle: 'Pollution-Source Census · Console',
  loading: 'Loading…',
  save: 'Save',
  cancel: 'Cancel',
  create: 'New',
  edit: 'Edit',
  search: 'Search',
  reset: 'Reset',
  refresh: 'Refresh',
  actions: 'Actions',
  loadMore: 'Load more',
  noMore: 'No more',
  all: 'All',
  yes: 'Yes',
  no: 'No',
  none: '—',
  saved: 'Saved',
  created: 'Created',
  required: 'Required',
  close: 'Close',
  back: 'Back',
  status: 'Status',
  enabled: 'Active',
  disabled: 'Disabled',
  disable: 'Disable',
  enable: 'Enable',
  count: '{{count}} rows',
};

export const lang: Strings<typeof zh.lang> = {
  switchTo: '中文',
  switchHint: '切换到中文',
};

export const nav: Strings<typeof zh.nav> = {
  home: 'Home',
  regions: 'Regions',
  users: 'Users',
  teams: 'Teams',
  agencies: 'Agencies',
  registers: 'Registers',
  directory: 'Directory',
  'merge-queue': 'Merge queue',
  'inventory-group': 'Inventory',
  inventory: 'Progress',
  'inventory-records': 'Records',
  'inventory-review': 'Department review',
  'inventory-plan': 'Plan',
  'inventory-settings': 'Settings',
  'survey-group': 'Survey',
  survey: 'Sources to survey',
  'survey-try': 'Practice forms',
  'review-group': 'Review',
  review: 'Review queue',
  'review-phases': 'Phase acceptance',
  'review-qc': 'Quality control',
  'review-settings': 'Review chain',
  'accounting-group': 'Emission accounting',
  'accounting-coefficients': 'Coefficient library',
  emissions: 'Emission totals',
  'supervision-group': 'Supervision',
  supervision: 'Progress dashboard',
  'supervision-readiness': 'Readiness',
  'supervision-calendar': 'Census calendar',
  'supervision-dispatches': 'Dispatches',
  'supervision-cases': 'Cases',
  'supervision-briefings': 'Briefings',
  'outfalls-group': 'Outfall survey',
  outfalls: 'Outfall register',
  'outfalls-imagery': 'Imagery and reaches',
  'outfalls-import': 'Import suspects',
  'outfalls-progress': 'Survey progress',
  channels: 'Work channels',
  portal: 'Portal',
  audit: 'Audit log',
  jobs: 'Jobs',
  field: 'Field app',
};

export const header: Strings<typeof zh.header> = {
  logout: 'Log out',
  fieldApp: 'Field app',
};

export const roles: Strings<typeof zh.roles> = {
  'national-office': 'National census office',
  'regional-office': 'Local census office',
  reviewer: 'Reviewer',
  'department-reviewer': 'Department reviewer',
  instructor: 'Instructor',
  enumerator: 'Enumerator',
  'agency-staff': 'Agency staff',
  respondent: 'Respondent (enterprise)',
  editor: 'Portal editor',
};

export const levels: Strings<typeof zh.levels> = {
  nation: 'Nation',
  province: 'Province',
  prefecture: 'Prefecture',
  county: 'County',
  township: 'Township',
  village: 'Village',
};

export const departments: Strings<typeof zh.departments> = {
  samr: 'Market regulation (SAMR)',
  tax: 'Taxation',
  stats: 'Statistics',
  mee: 'Ecology and environment (MEE)',
  miit: 'Industry and IT (MIIT)',
  moa: 'Agriculture and rural affairs',
  mwr: 'Water resources',
  mohurd: 'Housing and construction',
  other: 'Other',
};

export const errors: Strings<typeof zh.errors> = {
  forbidden: 'Your role may not open this page',
  notFound: 'No such page',
  unknown: 'Something went wrong',
  goHome: 'Back to home',
};
