import { Button, ColorPicker, Input, Select, Switch, Table } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { InventoryState } from '../../../api/inventory-types.ts';
import { useNotify } from '../../ui/hooks/use-notify.ts';
import { useDraftRows } from '../hooks/use-draft-rows.ts';
import { useSaveStates } from '../hooks/use-save-config.ts';

/** The six states edited in place: names, colour, whether they go on to the survey, reasons. */
export function StatesEditor({ states }: { states: InventoryState[] }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const save = useSaveStates();
  const { draft, set, valid, trimmed } = useDraftRows(states);

  const submit = () =>
    save.mutate(
      trimmed(),
      { onSuccess: () => notify.success(t('inventory.settings.saved')), onError: notify.error },
    );

  return (
    <div data-testid="states-editor">
      <Table<InventoryState>
        size="small"
        rowKey="code"
        pagination={false}
        dataSource={draft}
        onRow={(s) => ({ 'data-testid': `state-edit-${s.code}` }) as HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('inventory.settings.code'), dataIndex: 'code', width: 100, render: (v: string) => <span className="option-code">{v}</span> },
          { title: t('inventory.settings.nameZh'), key: 'zh', width: 140, render: (_, s) => <Input data-testid="state-name-zh" value={s.nameZh} maxLength={20} status={s.nameZh.trim() ? undefined : 'error'} onChange={(e) => set(s.code, { nameZh: e.target.value })} /> },
          { title: t('inventory.settings.nameEn'), key: 'en', width: 150, render: (_, s) => <Input data-testid="state-name-en" value={s.nameEn} maxLength={40} status={s.nameEn.trim() ? undefined : 'error'} onChange={(e) => set(s.code, { nameEn: e.target.value })} /> },
          {
            title: t('inventory.settings.colour'),
            key: 'colour',
            width: 130,
            render: (_, s) => (
              <ColorPicker data-testid="state-colour" value={s.colour} disabledAlpha showText format="hex" onChangeComplete={(c) => set(s.code, { colour: c.toHexString().slice(0, 7).toLowerCase() })} />
            ),
          },
          { title: t('inventory.settings.toSurvey'), key: 'toSurvey', width: 110, render: (_, s) => <Switch data-testid="state-to-survey" checked={s.toSurvey} onChange={(toSurvey) => set(s.code, { toSurvey })} /> },
          {
            title: t('inventory.settings.reasons'),
            key: 'reasons',
            render: (_, s) => (
              <Select mode="tags" data-testid="state-reasons" open={false} value={s.reasons} placeholder={t('inventory.settings.reasonsHint')} style={{ minWidth: 200 }} onChange={(reasons: string[]) => set(s.code, { reasons })} />
            ),
          },
        ]}
      />
      <div className="load-more">
        <span />
        <Button type="primary" data-testid="states-save" disabled={!valid} loading={save.isPending} onClick={submit}>
          {t('common.save')}
        </Button>
      </div>
    </div>
  );
}
