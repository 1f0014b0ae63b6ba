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
  // The longest menu path the location is under: /directory/queue is the queue, /directory/12 the directory.
  const path = location.pathname;
  const under = items.filter((i) => i.path !== '/' && (path === i.path || path.startsWith(i.path + '/')));
  const selected = under.sort((a, b) => b.path.length - a.path.length)[0]?.key ?? 'home';

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
