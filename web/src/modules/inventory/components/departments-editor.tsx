import { Button, Input, Switch, Table } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { InventoryDepartment } from '../../../api/inventory-types.ts';
import { useNotify } from '../../ui/hooks/use-notify.ts';
import { useDraftRows } from '../hooks/use-draft-rows.ts';
import { useSaveDepartments } from '../hooks/use-save-config.ts';

/** The departments of the joint review: their names, and which must agree before a record is confirmed. */
export function DepartmentsEditor({ departments }: { departments: InventoryDepartment[] }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const save = useSaveDepartments();
  const { draft, set, valid, trimmed } = useDraftRows(departments);

  const submit = () =>
    save.mutate(
      trimmed(),
      { onSuccess: () => notify.success(t('inventory.settings.saved')), onError: notify.error },
    );

  return (
    <div data-testid="departments-editor">
      <Table<InventoryDepartment>
        size="small"
        rowKey="code"
        pagination={false}
        dataSource={draft}
        onRow={(d) => ({ 'data-testid': `department-edit-${d.code}` }) as HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('inventory.settings.code'), dataIndex: 'code', width: 100, render: (v: string) => <span className="option-code">{v}</span> },
          { title: t('inventory.settings.nameZh'), key: 'zh', render: (_, d) => <Input data-testid="department-name-zh" value={d.nameZh} maxLength={40} status={d.nameZh.trim() ? undefined : 'error'} onChange={(e) => set(d.code, { nameZh: e.target.value })} /> },
          { title: t('inventory.settings.nameEn'), key: 'en', render: (_, d) => <Input data-testid="department-name-en" value={d.nameEn} maxLength={60} status={d.nameEn.trim() ? undefined : 'error'} onChange={(e) => set(d.code, { nameEn: e.target.value })} /> },
          { title: t('inventory.settings.required'), key: 'required', width: 110, render: (_, d) => <Switch data-testid="department-required" checked={d.required} onChange={(required) => set(d.code, { required })} /> },
        ]}
      />
      <div className="load-more">
        <span />
        <Button type="primary" data-testid="departments-save" disabled={!valid} loading={save.isPending} onClick={submit}>
          {t('common.save')}
        </Button>
      </div>
    </div>
  );
}
