import { CloudSyncOutlined, EnvironmentOutlined, ProfileOutlined, UserOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export const FIELD_TABS = ['tasks', 'map', 'sync', 'me'] as const;
export type FieldTab = (typeof FIELD_TABS)[number];

const ICONS: Record<FieldTab, ReactNode> = {
  tasks: <ProfileOutlined />,
  map: <EnvironmentOutlined />,
  sync: <CloudSyncOutlined />,
  me: <UserOutlined />,
};

/** The bottom bar of the field app: four thumb-sized targets. */
export function FieldTabBar({ active, onChange }: { active: FieldTab; onChange: (tab: FieldTab) => void }) {
  const { t } = useTranslation();
  return (
    <nav className="field-tabbar" role="tablist">
      {FIELD_TABS.map((tab) => (
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
