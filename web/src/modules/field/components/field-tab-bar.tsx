import { CloudSyncOutlined, EnvironmentOutlined, ExperimentOutlined, ProfileOutlined, UserOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export const FIELD_TABS = ['tasks', 'outfalls', 'map', 'sync', 'me'] as const;
export type FieldTab = (typeof FIELD_TABS)[number];

const ICONS: Record<FieldTab, ReactNode> = {
  tasks: <ProfileOutlined />,
  outfalls: <ExperimentOutlined />,
  map: <EnvironmentOutlined />,
  sync: <CloudSyncOutlined />,
  me: <UserOutlined />,
};

/** The bottom bar of the field app: thumb-sized targets, only the tabs this user may open. */
export function FieldTabBar({ tabs, active, onChange }: { tabs: readonly FieldTab[]; active: FieldTab; onChange: (tab: FieldTab) => void }) {
  const { t } = useTranslation();
  return (
    <nav className="field-tabbar" role="tablist" style={{ gridTemplateColumns: `repeat(${tabs.length}, 1fr)` }}>
      {tabs.map((tab) => (
        <button
          key={tab}
          type="button"
          role="tab"
          aria-selected={tab === active}
          data-testid={`field-tab-${tab}`}
          className={tab === active ? 'field-tab active' : 'field-tab'}
          onClick={() => onChange(tab)}
        >
          <span className="field-tab-icon">{ICONS[tab]}</span>
          <span>{t(`field.tabs.${tab}`)}</span>
        </button>
      ))}
    </nav>
  );
}
