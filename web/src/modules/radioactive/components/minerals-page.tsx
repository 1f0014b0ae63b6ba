import { DeleteOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, Select, Space, Switch, Table } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorAlert } from '../../ui/components/query-error-alert.tsx';
import { useNotify } from '../../ui/hooks/use-notify.ts';
import { useMinerals, useSaveMinerals } from '../hooks/use-radioactive.ts';
import { cleanMinerals, mineralsProblem } from '../utils/minerals.ts';
import type { Mineral } from '../utils/radioactive-api.ts';

type Row = Mineral & { key: string };
let seq = 0;
const keyed = (m: Mineral): Row => ({ ...m, key: `m${++seq}` });

/** /radioactive/minerals — the national office edits the list of minerals (the whole list is saved at once). */
export function MineralsPage() {
  const { t } = useTranslation();
  const notify = useNotify();
  const minerals = useMinerals();
  const save = useSaveMinerals();
  const [rows, setRows] = useState<Row[] | null>(null);
  useEffect(() => {
    if (rows === null && minerals.data) setRows(minerals.data.items.map(keyed));
  }, [minerals.data, rows]);
  const items = rows ?? [];
  const update = (i: number, patch: Partial<Mineral>) => setRows(items.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const problem = mineralsProblem(items);
  const problemText = problem && (problem.kind === 'incomplete' ? t('radioactive.minerals.incomplete') : t(`radioactive.minerals.${problem.kind}`, { code: problem.code }));

  const send = () => {
    if (problem) return;
    save.mutate(cleanMinerals(items), {
      onSuccess: (data) => {
        notify.success(t('radioactive.minerals.saved'));
        if (data?.items) setRows(data.items.map(keyed));
      },
      onError: notify.error,
    });
  };

  return (
    <Card
      size="small"
      title={t('radioactive.minerals.title')}
      extra={
        <Space>
          <Button icon={<PlusOutlined />} data-testid="radio-mineral-add" onClick={() => setRows([...items, keyed({ code: '', nameZh: '', nameEn: '', industries: [], active: true })])}>
            {t('radioactive.minerals.add')}
          </Button>
          <Button type="primary" icon={<SaveOutlined />} data-testid="radio-minerals-save" disabled={!!problem || rows === null} loading={save.isPending} onClick={send}>
            {t('radioactive.minerals.save')}
          </Button>
        </Space>
      }
    >
      <QueryErrorAlert error={minerals.error} onRetry={minerals.refetch} />
      {problemText && <Alert type="warning" showIcon className="block-gap" title={<span data-testid="radio-minerals-problem">{problemText}</span>} />}
      <Table<Row>
        data-testid="radio-minerals"
        size="small"
        rowKey="key"
        loading={minerals.isPending}
        dataSource={items}
        pagination={false}
        columns={[
          { title: t('radioactive.minerals.code'), key: 'code', width: 90, render: (_, r, i) => <Input size="small" value={r.code} maxLength={8} data-testid={`radio-mineral-${i}-code`} onChange={(e) => update(i, { code: e.target.value })} /> },
          { title: t('radioactive.minerals.nameZh'), key: 'zh', width: 140, render: (_, r, i) => <Input size="small" value={r.nameZh} maxLength={40} data-testid={`radio-mineral-${i}-zh`} onChange={(e) => update(i, { nameZh: e.target.value })} /> },
          { title: t('radioactive.minerals.nameEn'), key: 'en', width: 180, render: (_, r, i) => <Input size="small" value={r.nameEn} maxLength={80} data-testid={`radio-mineral-${i}-en`} onChange={(e) => update(i, { nameEn: e.target.value })} /> },
          {
            title: t('radioactive.minerals.industries'), key: 'ind',
            render: (_, r, i) => (
              <Select size="small" mode="tags" style={{ width: '100%' }} value={r.industries} placeholder={t('radioactive.minerals.industriesHint')}
                tokenSeparators={[',', '，', ' ']} open={false} suffixIcon={null} data-testid={`radio-mineral-${i}-industries`}
                onChange={(v: string[]) => update(i, { industries: v.map((x) => x.trim()).filter((x) => /^\d{4}$/.test(x)) })} />
            ),
          },
          { title: t('radioactive.minerals.active'), key: 'active', width: 70, render: (_, r, i) => <Switch size="small" checked={r.active} data-testid={`radio-mineral-${i}-active`} onChange={(v) => update(i, { active: v })} /> },
          {
            title: '', key: 'rm', width: 44,
            render: (_, __, i) => <Button size="small" type="text" icon={<DeleteOutlined />} title={t('radioactive.minerals.remove')} data-testid={`radio-mineral-${i}-remove`} onClick={() => setRows(items.filter((_, j) => j !== i))} />,
          },
        ]}
      />
    </Card>
  );
}
