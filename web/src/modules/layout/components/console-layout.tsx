import { Layout, Menu } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { PageSpinner } from './page-spinner.tsx';
import { AppHeader } from './app-header.tsx';
import { useNavItems } from '../hooks/use-nav-items.tsx';

/** Side menu, header, and the page: the frame of every console page. */
export function ConsoleLayout() {
  const { t } = useTranslation();
  const location = useLocation();
  const items = useNavItems();
  const [collapsed, setCollapsed] = useState(false);
  const section = '/' + (location.pathname.split('/')[1] ?? '');
  const selected = items.find((i) => i.path === section)?.key ?? 'home';

  return (
    <Layout className="console-layout">
      <Layout.Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} breakpoint="lg" width={208} theme="dark">
        <Link to="/" className="brand">
          <img src={`${import.meta.env.BASE_URL}icon.svg`} alt="" width={28} height={28} />
          {!collapsed && <span>{t('common.appName')}</span>}
        </Link>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[selected]}
          items={items.map((i) => ({
            key: i.key,
            icon: i.icon,
            label: (
              <Link to={i.path} data-testid={`nav-${i.key}`}>
                {i.label}
              </Link>
            ),
          }))}
        />
      </Layout.Sider>
      <Layout>
        <AppHeader />
        <Layout.Content className="app-content">
          <Suspense fallback={<PageSpinner />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
