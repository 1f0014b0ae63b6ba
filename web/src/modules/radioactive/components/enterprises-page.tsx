import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Card, Input, Select, Space, Table, Tag } from 'antd';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { STAGES, type EnterpriseStage } from '../../../../../src/domains/radioactive/rules/screening.ts';
import { useCan } from '../../auth/hooks/use-can.ts';
import { RegionPicker } from '../../regions/components/region-picker.tsx';
import { LoadMoreButton } from '../../ui/components/load-more-button.tsx';
import { QueryErrorAlert } from '../../ui/components/query-error-alert.tsx';
import { useDebouncedValue } from '../../ui/hooks/use-debounced-value.ts';
import { useEnterprises, useMinerals } from '../hooks/use-radioactive.ts';
import { useMineralName } from '../hooks/use-mineral-name.ts';
import type { Enterprise } from '../utils/radioactive-api.ts';
import { AddEnterpriseModal } from './add-enterprise-modal.tsx';
import { StageTag } from './stage-tag.tsx';

/** /radioactive — the initial list (初测名录) with its filters; "add to list" for those who may list. */
export function EnterprisesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const set = (k: string, v: string | undefined) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
  };
  const region = params.get('region') || undefined;
  const stage = STAGES.find((s) => s === params.get('stage'));
  const mineral = params.get('mineral') || undefined;
  const [text, setText] = useState(params.get('q') ?? '');
  const q = useDebouncedValue(text.trim(), 300) || undefined;
  const list = useEnterprises({ region, stage, mineral, q });
  const minerals = useMinerals();
  const mineralName = useMineralName();
  const [adding, setAdding] = useState(false);

  return (
    <Card
      size="small"
      title={t('radioactive.tabs.list')}
      extra={can('radioactive.list') && (
        <Button type="primary" icon={<PlusOutlined />} data-testid="radio-add" onClick={() => setAdding(true)}>{t('radioactive.list.add')}</Button>
      )}
    >
      <Space wrap className="block-gap">
        <Input
          data-testid="radio-filter-q"
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('radioactive.filters.q')}
          value={text}
          maxLength={60}
          style={{ width: 220 }}
          onChange={(e) => setText(e.target.value)}
        />
        <RegionPicker data-testid="radio-filter-region" allowClear value={region} placeholder={t('radioactive.filters.region')} onChange={(r) => set('region', r)} />
        <Select<EnterpriseStage>
          data-testid="radio-filter-stage"
          allowClear
          placeholder={t('radioactive.filters.stage')}
          style={{ width: 150 }}
          value={stage}
          onChange={(v) => set('stage', v)}
          options={STAGES.map((s) => ({ value: s, label: t(`radioactive.stages.${s}`) }))}
        />
        <Select<string>
          data-testid="radio-filter-mineral"
          allowClear
          placeholder={t('radioactive.filters.mineral')}
          style={{ width: 140 }}
          value={mineral}
          onChange={(v) => set('mineral', v)}
          options={(minerals.data?.items ?? []).map((m) => ({ value: m.code, label: mineralName(m.code) }))}
        />
      </Space>
      <QueryErrorAlert error={list.error} onRetry={list.refetch} />
      <Table<Enterprise>
        data-testid="radio-enterprises"
        size="small"
        rowKey="id"
        loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)}
        dataSource={list.items}
        pagination={false}
        scroll={{ x: 980 }}
        onRow={(e) => ({ 'data-testid': `radio-enterprise-${e.id}`, onDoubleClick: () => navigate(`/radioactive/enterprises/${e.id}`) }) as HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('radioactive.fields.name'), key: 'name', ellipsis: true,
            render: (_, e) => <Link to={`/radioactive/enterprises/${e.id}`} data-testid={`radio-open-${e.id}`}>{e.name}</Link>,
          },
          { title: t('radioactive.fields.creditCode'), dataIndex: 'creditCode', width: 190, render: (v: string | null) => v ?? '—' },
          { title: t('radioactive.fields.region'), key: 'region', width: 140, ellipsis: true, render: (_, e) => e.regionName ?? e.regionCode },
          { title: t('radioactive.fields.minerals'), key: 'minerals', width: 150, render: (_, e) => e.minerals.map((m) => <Tag key={m}>{mineralName(m)}</Tag>) },
          { title: t('radioactive.fields.stage'), key: 'stage', width: 140, render: (_, e) => <StageTag stage={e.stage} testId={`radio-stage-${e.id}`} /> },
          { title: t('radioactive.fields.lastMeasuredOn'), dataIndex: 'lastMeasuredOn', width: 110, render: (v: string | null) => v?.slice(0, 10) ?? '—' },
          {
            title: t('radioactive.fields.inInventory'), key: 'inv', width: 100,
            render: (_, e) => <span data-testid={`radio-inventory-${e.id}`} data-in={String(e.inInventory)}>{e.inInventory ? t('common.yes') : <Tag color="orange">{t('common.no')}</Tag>}</span>,
          },
        ]}
      />
      <LoadMoreButton hasNextPage={list.hasNextPage} isFetchingNextPage={list.isFetchingNextPage} fetchNextPage={list.fetchNextPage} shown={list.items.length} testId="radio-more" />
      {adding && <AddEnterpriseModal onClose={() => setAdding(false)} onListed={(id) => navigate(`/radioactive/enterprises/${id}`)} />}
    </Card>
  );
}
