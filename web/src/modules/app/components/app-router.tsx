import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router-dom';
import type { Permission } from '../../../api/types.ts';
import { JoinPage } from '../../auth/components/join-page.tsx';
import { LoginPage } from '../../auth/components/login-page.tsx';
import { RequirePermission } from '../../auth/components/require-permission.tsx';
import { RequireSession } from '../../auth/components/require-session.tsx';
import { ConsoleLayout } from '../../layout/components/console-layout.tsx';
import { NotFoundPage } from '../../layout/components/not-found-page.tsx';
import { PageSpinner } from '../../layout/components/page-spinner.tsx';

// Pages load on demand, so the login screen does not wait for the tables.
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(() => load().then((m) => ({ default: m[name] })));
}

const HomePage = page(() => import('../../home/components/home-page.tsx'), 'HomePage');
const RegionsPage = page(() => import('../../regions/components/regions-page.tsx'), 'RegionsPage');
const UsersPage = page(() => import('../../users/components/users-page.tsx'), 'UsersPage');
const TeamsPage = page(() => import('../../teams/components/teams-page.tsx'), 'TeamsPage');
const AgenciesPage = page(() => import('../../agencies/components/agencies-page.tsx'), 'AgenciesPage');
const RegistersPage = page(() => import('../../registers/components/registers-page.tsx'), 'RegistersPage');
const DirectoryPage = page(() => import('../../directory/components/directory-page.tsx'), 'DirectoryPage');
const SourceDrawer = page(() => import('../../directory/components/source-drawer.tsx'), 'SourceDrawer');
const MergeQueuePage = page(() => import('../../directory/components/merge-queue-page.tsx'), 'MergeQueuePage');
const ProgressPage = page(() => import('../../inventory/components/progress-page.tsx'), 'ProgressPage');
const RecordsPage = page(() => import('../../inventory/components/records-page.tsx'), 'RecordsPage');
const RecordDrawer = page(() => import('../../inventory/components/record-drawer.tsx'), 'RecordDrawer');
const ReviewPage = page(() => import('../../inventory/components/review-page.tsx'), 'ReviewPage');
const PlanPage = page(() => import('../../inventory/components/plan-page.tsx'), 'PlanPage');
const SettingsPage = page(() => import('../../inventory/components/settings-page.tsx'), 'SettingsPage');
const ReviewQueuePage = page(() => import('../../review/components/review-queue-page.tsx'), 'ReviewQueuePage');
const ReviewSubmissionPage = page(() => import('../../review/components/review-submission-page.tsx'), 'ReviewSubmissionPage');
const PhasesPage = page(() => import('../../review/components/phases-page.tsx'), 'PhasesPage');
const QcPage = page(() => import('../../review/components/qc-page.tsx'), 'QcPage');
const ChainSettingsPage = page(() => import('../../review/components/chain-settings-page.tsx'), 'ChainSettingsPage');
const CoefficientsPage = page(() => import('../../accounting/components/coefficients-page.tsx'), 'CoefficientsPage');
const EmissionsPage = page(() => import('../../emissions/components/emissions-page.tsx'), 'EmissionsPage');
const SourceEmissionsPage = page(() => import('../../emissions/components/source-emissions-page.tsx'), 'SourceEmissionsPage');
const DispatchesPage = page(() => import('../../supervision-work/components/dispatches-page.tsx'), 'DispatchesPage');
const DispatchPage = page(() => import('../../supervision-work/components/dispatch-page.tsx'), 'DispatchPage');
const CasesPage = page(() => import('../../supervision-work/components/cases-page.tsx'), 'CasesPage');
const CasePage = page(() => import('../../supervision-work/components/case-page.tsx'), 'CasePage');
const BriefingsPage = page(() => import('../../supervision-work/components/briefings-page.tsx'), 'BriefingsPage');
const BriefingPage = page(() => import('../../supervision-work/components/briefing-page.tsx'), 'BriefingPage');
const SupervisionPage = page(() => import('../../supervision/components/dashboard-page.tsx'), 'DashboardPage');
const ReadinessPage = page(() => import('../../supervision/components/readiness-page.tsx'), 'ReadinessPage');
const CalendarPage = page(() => import('../../supervision/components/calendar-page.tsx'), 'CalendarPage');
const OutfallsPage = page(() => import('../../outfalls/components/outfalls-page.tsx'), 'OutfallsPage');
const OutfallDrawer = page(() => import('../../outfalls/components/outfall-drawer.tsx'), 'OutfallDrawer');
const OutfallImageryPage = page(() => import('../../outfalls/components/imagery-page.tsx'), 'ImageryPage');
const OutfallImagePage = page(() => import('../../outfalls/components/image-page.tsx'), 'ImagePage');
const OutfallImportPage = page(() => import('../../outfalls/components/import-page.tsx'), 'ImportPage');
const OutfallProgressPage = page(() => import('../../outfalls/components/progress-page.tsx'), 'ProgressPage');
const ChannelsPage = page(() => import('../../channels/components/channels-page.tsx'), 'ChannelsPage');
const PortalPage = page(() => import('../../portal/components/portal-page.tsx'), 'PortalPage');
const ArticleEditorPage = page(() => import('../../portal/components/article-editor-page.tsx'), 'ArticleEditorPage');
const AuditPage = page(() => import('../../audit/components/audit-page.tsx'), 'AuditPage');
const JobsPage = page(() => import('../../jobs/components/jobs-page.tsx'), 'JobsPage');
const SurveySourcesPage = page(() => import('../../survey/components/survey-sources-page.tsx'), 'SurveySourcesPage');
const SourceSurveyPage = page(() => import('../../survey/components/source-survey-page.tsx'), 'SourceSurveyPage');
const PracticePage = page(() => import('../../survey/components/practice-page.tsx'), 'PracticePage');
const loadFieldApp = () => import('../../field/components/field-app.tsx');
// On a phone opening the field app, fetch its code while the session is read, not after.
if (window.location.pathname.startsWith(`${import.meta.env.BASE_URL}field`)) void loadFieldApp();
const FieldApp = page(loadFieldApp, 'FieldApp');

const guarded = (permission: Permission, element: ReactNode) => <RequirePermission permission={permission}>{element}</RequirePermission>;

const router = createBrowserRouter(
  [
    { path: '/login', element: <LoginPage /> },
    // 企业自填: redeeming an invitation code needs no session (outside the guard, like login).
    { path: '/join', element: <JoinPage /> },
    {
      element: <RequireSession />,
      children: [
        {
          path: '/field',
          element: (
            <Suspense fallback={<PageSpinner />}>
              <FieldApp />
            </Suspense>
          ),
        },
        {
          element: <ConsoleLayout />,
          children: [
            { index: true, element: <HomePage /> },
            { path: 'regions', element: <RegionsPage /> },
            { path: 'users', element: guarded('users.read', <UsersPage />) },
            { path: 'teams', element: guarded('teams.read', <TeamsPage />) },
            { path: 'agencies', element: guarded('agencies.read', <AgenciesPage />) },
            { path: 'registers', element: guarded('registers.read', <RegistersPage />) },
            {
              // A source opens in a drawer over the list, which keeps its filters and loaded pages.
              path: 'directory',
              element: guarded('directory.read', <DirectoryPage />),
              children: [{ path: ':id', element: <SourceDrawer /> }],
            },
            { path: 'directory/queue', element: guarded('directory.read', <MergeQueuePage />) },
            { path: 'inventory', element: guarded('inventory.read', <ProgressPage />) },
            {
              path: 'inventory/records',
              element: guarded('inventory.read', <RecordsPage />),
              children: [{ path: ':id', element: <RecordDrawer /> }],
            },
            { path: 'inventory/review', element: guarded('inventory.verdict', <ReviewPage />) },
            { path: 'inventory/plan', element: guarded('inventory.plan', <PlanPage />) },
            { path: 'inventory/settings', element: guarded('inventory.config', <SettingsPage />) },
            { path: 'survey', element: guarded('survey.read', <SurveySourcesPage />) },
            { path: 'survey/sources/:id', element: guarded('survey.read', <SourceSurveyPage />) },
            // Practice needs no server data and saves nothing: every signed-in user may train on it.
            { path: 'survey/try/:form?', element: <PracticePage /> },
            { path: 'review', element: guarded('review.read', <ReviewQueuePage />) },
            { path: 'review/submissions/:id', element: guarded('review.read', <ReviewSubmissionPage />) },
            // Phases and quality control are the overseers' (offices, reviewers): review.sample names exactly them.
            { path: 'review/phases', element: guarded('review.sample', <PhasesPage />) },
            { path: 'review/qc', element: guarded('review.sample', <QcPage />) },
            { path: 'review/settings', element: guarded('review.config', <ChainSettingsPage />) },
            { path: 'accounting/coefficients', element: guarded('accounting.read', <CoefficientsPage />) },
            { path: 'emissions', element: guarded('accounting.read', <EmissionsPage />) },
            { path: 'emissions/sources/:id', element: guarded('accounting.read', <SourceEmissionsPage />) },
            { path: 'supervision/dispatches', element: guarded('supervision.read', <DispatchesPage />) },
            { path: 'supervision/dispatches/:id', element: guarded('supervision.read', <DispatchPage />) },
            { path: 'supervision/cases', element: guarded('supervision.read', <CasesPage />) },
            { path: 'supervision/cases/:id', element: guarded('supervision.read', <CasePage />) },
            { path: 'supervision/briefings', element: guarded('supervision.read', <BriefingsPage />) },
            { path: 'supervision/briefings/:id', element: guarded('supervision.read', <BriefingPage />) },
            { path: 'supervision', element: guarded('supervision.read', <SupervisionPage />) },
            { path: 'supervision/readiness', element: guarded('supervision.read', <ReadinessPage />) },
            { path: 'supervision/calendar', element: guarded('supervision.read', <CalendarPage />) },
            { path: 'outfalls', element: guarded('outfalls.read', <OutfallsPage />), children: [{ path: ':id', element: <OutfallDrawer /> }] },
            { path: 'outfalls/imagery', element: guarded('outfalls.read', <OutfallImageryPage />) },
            { path: 'outfalls/images/:id', element: guarded('outfalls.read', <OutfallImagePage />) },
            { path: 'outfalls/import', element: guarded('outfalls.plan', <OutfallImportPage />) },
            { path: 'outfalls/progress', element: guarded('outfalls.read', <OutfallProgressPage />) },
            { path: 'channels/:id?', element: guarded('channels.read', <ChannelsPage />) },
            { path: 'portal', element: guarded('portal.read', <PortalPage />) },
            { path: 'portal/new', element: guarded('portal.write', <ArticleEditorPage />) },
            { path: 'portal/articles/:id', element: guarded('portal.read', <ArticleEditorPage />) },
            { path: 'audit', element: guarded('audit.read', <AuditPage />) },
            { path: 'jobs', element: guarded('jobs.read', <JobsPage />) },
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ],
  { basename: import.meta.env.BASE_URL.replace(/\/$/, '') },
);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
