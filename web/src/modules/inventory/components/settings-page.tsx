import { Card, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryErrorAlert } from '../../ui/components/query-error-alert.tsx';
import { useInventoryDepartments, useInventoryStates } from '../hooks/use-inventory-config.ts';
import { DepartmentsEditor } from './departments-editor.tsx';
import { StatesEditor } from './states-editor.tsx';

/** /inventory/settings — the national office configures the six states and the reviewing departments. */
export function SettingsPage() {
  const { t } = useTranslation();
  const states = useInventoryStates();
  const departments = useInventoryDepartments();
  // The editors start from what the server holds, and again after each save (new data → new key).
  return (
    <div className="page">
      <Card size="small" className="block-gap" title={t('inventory.settings.states')}>
        <QueryErrorAlert error={states.error} onRetry={states.refetch} />
        {states.data ? <StatesEditor key={states.dataUpdatedAt} states={states.data} /> : <Skeleton active />}
      </Card>
      <Card size="small" title={t('inventory.settings.departments')}>
        <QueryErrorAlert error={departments.error} onRetry={departments.refetch} />
        {departments.data ? <DepartmentsEditor key={departments.dataUpdatedAt} departments={departments.data} /> : <Skeleton active />}
      </Card>
    </div>
  );
}
