// The pages of 伴生放射性矿 under /radioactive, spread into the console's routes by app-router.
import { lazy, type ComponentType, type ReactNode } from 'react';
import type { RouteObject } from 'react-router-dom';
import type { Permission } from '../../api/types.ts';
import { RequirePermission } from '../auth/components/require-permission.tsx';

function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(() => load().then((m) => ({ default: m[name] })));
}

const RadioLayout = page(() => import('./components/radio-layout.tsx'), 'RadioLayout');
const EnterprisesPage = page(() => import('./components/enterprises-page.tsx'), 'EnterprisesPage');
const EnterprisePage = page(() => import('./components/enterprise-page.tsx'), 'EnterprisePage');
const MeasurementPage = page(() => import('./components/measurement-page.tsx'), 'MeasurementPage');
const ReconcilePage = page(() => import('./components/reconcile-page.tsx'), 'ReconcilePage');
const RadioProgressPage = page(() => import('./components/progress-page.tsx'), 'RadioProgressPage');
const MineralsPage = page(() => import('./components/minerals-page.tsx'), 'MineralsPage');

const guarded = (permission: Permission, element: ReactNode) => <RequirePermission permission={permission}>{element}</RequirePermission>;

export const radioactiveRoutes: RouteObject[] = [
  {
    path: 'radioactive',
    element: guarded('radioactive.read', <RadioLayout />),
    children: [
      { index: true, element: <EnterprisesPage /> },
      { path: 'enterprises/:id', element: <EnterprisePage /> },
      { path: 'enterprises/:id/measure', element: guarded('radioactive.measure', <MeasurementPage />) },
      { path: 'reconcile', element: <ReconcilePage /> },
      { path: 'progress', element: <RadioProgressPage /> },
      { path: 'minerals', element: guarded('radioactive.config', <MineralsPage />) },
    ],
  },
];
