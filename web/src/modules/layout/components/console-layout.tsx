import { Layout, Menu, type MenuProps } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { PageSpinner } from './page-spinner.tsx';
import { AppHeader } from './app-header.tsx';
import { useNavItems, type NavGroup, type NavItem } from '../hooks/use-nav-items.tsx';

type MenuItems = NonNullable<MenuProps['items']>;

/** Menu entries in order; the items of a group gather under one submenu where its first item stands. */
function menuItems(items: NavItem[], label: (group: string) => string): MenuItems {
  const out: MenuItems = [];
  const groups = new Map<string, MenuItems>();
  for (const i of items) {
    const entry = { key: i.key, icon: i.icon, label: <Link to={i.path} data-testid={`nav-${i.key}`}>{i.label}</Link> };
    if (!i.group) {
      out.push(entry);
      continue;
    }
    let children = groups.get(i.group);
    if (!children) {
      children = [];
      groups.set(i.group, children);
      out.push({ key: i.group, icon: i.icon, label: <span data-testid={`nav-${i.group}`}>{label(i.group)}</span>, children });
    }
    children.push(entry);
  }
  return out;
}

/** Side menu, header, and the page: the frame of every console page. */
export function ConsoleLayout() {
  const { t } = useTranslation();
  const location = useLocation();
  const items = useNavItems();
  const [collapsed, setCollapsed] = useState(false);
  // The longest menu path the location is under: /directory/queue is the queue, /directory/12 the directory.
  const path = location.pathname;
  const under = items.filter((i) => i.path !== '/' && (path === i.path || path.startsWith(i.path + '/')));
  const current = under.sort((a, b) => b.path.length - a.path.length)[0];
  const selected = current?.key ?? 'home';
  const [openKeys, setOpenKeys] = useState<string[]>(current?.group ? [current.group] : []);

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
          openKeys={openKeys}
          onOpenChange={setOpenKeys}
          items={menuItems(items, (g) => t(`nav.${g as NavGroup}`))}
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
