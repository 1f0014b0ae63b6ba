import { Tabs } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useCan } from '../../auth/hooks/use-can.ts';
import { PageSpinner } from '../../layout/components/page-spinner.tsx';

const TABS = ['list', 'reconcile', 'progress', 'minerals'] as const;
type Tab = (typeof TABS)[number];
const PATH: Record<Tab, string> = { list: '/radioactive', reconcile: '/radioactive/reconcile', progress: '/radioactive/progress', minerals: '/radioactive/minerals' };

/** /radioactive/* — one menu entry; the module's pages are tabs over its own outlet (an enterprise belongs to the list). */
export function RadioLayout() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const path = useLocation().pathname;
  const current: Tab = TABS.find((k) => k !== 'list' && path.startsWith(PATH[k])) ?? 'list';
  const shown = TABS.filter((k) => k !== 'minerals' || can('radioactive.config'));
  return (
    <div className="page">
      <Tabs
        size="small"
        activeKey={current}
        onTabClick={(k) => navigate(PATH[k as Tab])}
        items={shown.map((k) => ({ key: k, label: <span data-testid={`radio-tab-${k}`}>{t(`radioactive.tabs.${k}`)}</span> }))}
        tabBarExtraContent={{ left: <strong style={{ marginRight: 24 }}>{t('radioactive.title')}</strong> }}
      />
      <Suspense fallback={<PageSpinner />}>
        <Outlet />
      </Suspense>
    </div>
  );
}
