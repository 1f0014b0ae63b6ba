// English for the home page: welcome text and quick links. Typed by zh/home.ts, so the keys must
// match.
import type { Strings } from '../strings.ts';
import type * as zh from '../zh/home.ts';

export const home: Strings<typeof zh.home> = {
  welcome: 'Welcome, {{name}}',
  intro: 'This console manages the census regions, users, teams, agencies and background jobs.',
  role: 'Role',
  region: 'Region',
  username: 'Username',
  quickLinks: 'Quick links',
  links: {
    regions: 'Browse regions and mark pilot counties',
    users: 'Create and manage enumerator, instructor and other accounts',
    teams: 'Form enumerator teams and "1+1" paired teams',
    agencies: 'Register the third-party agencies taking part',
    registers: 'Import the lists of units that departments provide; check mappings and errors',
    directory: 'Search the sources of the directory; run matching, supplement and export',
    'merge-queue': 'Review likely duplicate sources pair by pair: merge or keep apart',
    inventory: 'Inventory progress by region, with the six states',
    'inventory-records': 'Inventory records: approve, reject, settle',
    'inventory-review': 'Your department’s part of the joint review',
    'inventory-plan': 'Census zones and work packages',
    'inventory-settings': 'The six states and the reviewing departments',
    survey: 'Fill the census forms of each source, checked as you type',
    'survey-try': 'Practise filling forms on an example enterprise; nothing is saved',
    review: 'Review the forms waiting at your level: comment, approve or return',
    'review-phases': 'Sign the acceptance of the inventory and the survey, level by level',
    'review-qc': 'Sample checks, error and omission rates, rules fired',
    'review-settings': 'Turn the levels of the review chain on or off',
    'accounting-coefficients': 'Import and compare versions of the coefficient library; put one in force',
    emissions: 'Pollutants generated and emitted by region, and where each figure comes from',
    supervision: 'Progress, lag ranking and the map of the regions',
    'supervision-readiness': 'Leading groups, offices, staff and funds',
    'supervision-calendar': 'The census phases and each level\'s deadlines',
    'supervision-dispatches': 'Biweekly dispatches, monthly circulars and briefings',
    'supervision-cases': 'Reminders, letters, circulars and summons for lagging regions',
    channels: 'Talk with the offices above and below; receive dispatches and supervision cases',
    audit: 'See who changed what, and when',
    jobs: 'Follow background jobs such as bulk imports',
    field: 'Collect data in the field on a phone or tablet',
  },
};
