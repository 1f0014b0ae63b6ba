import { Alert, Typography } from 'antd';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useSession } from '../../auth/hooks/use-session.ts';
import { useAutoSync } from '../hooks/use-auto-sync.ts';
import { useFieldSession } from '../hooks/use-field-session.ts';
import { useOnlineStatus } from '../hooks/use-online-status.ts';
import '../field.css';
import { warmStart } from '../utils/warm-start.ts';
import { FIELD_TABS, FieldTabBar, type FieldTab } from './field-tab-bar.tsx';
import { FieldMapTab } from './field-map-tab.tsx';
import { FieldMeTab } from './field-me-tab.tsx';
import { FieldSyncTab } from './field-sync-tab.tsx';
import { FieldTasksTab } from './field-tasks-tab.tsx';
import { OnlineBadge } from './online-badge.tsx';
import { OutfallsTab } from '../outfalls/components/outfalls-tab.tsx';

// This module loads while the session is read (app-router): start reading the units now.
warmStart();

const PANELS: Record<FieldTab, ComponentType> = {
  tasks: FieldTasksTab,
  outfalls: OutfallsTab,
  map: FieldMapTab,
  sync: FieldSyncTab,
  me: FieldMeTab,
};

/** Another tab, keeping the open package (the unit form closes). */
function tabParams(params: URLSearchParams, tab: FieldTab): Record<string, string> {
  const pkg = params.get('pkg');
  return pkg ? { tab, pkg } : { tab };
}

/** The phone-first shell for enumerators and instructors: no side menu, tabs at the bottom. */
export function FieldApp() {
  const { t } = useTranslation();
  const session = useSession();
  useFieldSession(session);
  useAutoSync();
  const online = useOnlineStatus();
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab');
  // The outfall check (排污口核查) shows only to those who may do it.
  const tabs = FIELD_TABS.filter((x) => x !== 'outfalls' || session.permissions.includes('outfalls.field'));
  const tab: FieldTab = tabs.includes(asked as FieldTab) ? (asked as FieldTab) : 'tasks';
  const Panel = PANELS[tab];

  return (
    <div className="field-app" data-testid="field-app">
      <header className="field-header">
        <div>
          <Typography.Text strong className="field-title">{t('field.title')}</Typography.Text>
          <div className="field-user" data-testid="field-user">
            {session.displayName || session.username} · {t(`roles.${session.role}`)} · {session.regionName}
          </div>
        </div>
        <OnlineBadge />
      </header>
      <main className="field-content">
        {!online && <Alert type="warning" showIcon className="block-gap" title={t('field.offlineHint')} />}
        <Panel />
      </main>
      <FieldTabBar tabs={tabs} active={tab} onChange={(next) => setParams(tabParams(params, next))} />
    </div>
  );
}
