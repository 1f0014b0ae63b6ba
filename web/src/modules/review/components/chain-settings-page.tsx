import { Alert, Button, Card, Switch, Table } from 'antd';
import type { HTMLAttributes } from 'react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChainLevelRow } from '../../../api/review-types.ts';
import { QueryErrorAlert } from '../../ui/components/query-error-alert.tsx';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { useNotify } from '../../ui/hooks/use-notify.ts';
import { useReviewChain, useSaveChain } from '../hooks/use-review-chain.ts';

/** /review/settings — the national office turns the chain's levels on and off (the county stays on). */
export function ChainSettingsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const notify = useNotify();
  const chain = useReviewChain();
  const save = useSaveChain();
  const [rows, setRows] = useState<ChainLevelRow[]>([]);
  useEffect(() => {
    if (chain.data) setRows(chain.data.levels);
  }, [chain.data]);
  const dirty = !!chain.data && rows.some((r, i) => r.enabled !== chain.data.levels[i]?.enabled);
  return (
    <div className="page">
      <Card
        size="small"
        title={t('review.settings.title')}
        extra={
          <Button type="primary" data-testid="chain-save" disabled={!dirty} loading={save.isPending} onClick={() => save.mutate(rows.map((r) => ({ code: r.code, enabled: r.enabled })), { onSuccess: () => notify.success(t('review.settings.saved')), onError: notify.error })}>
            {t('common.save')}
          </Button>
        }
      >
        <QueryErrorAlert error={chain.error} onRetry={chain.refetch} />
        <Alert className="block-gap" type="info" showIcon title={t('review.settings.countyFixed')} />
        <Table<ChainLevelRow>
          data-testid="chain-levels"
          size="small"
          rowKey="code"
          loading={chain.isPending}
          dataSource={rows}
          pagination={false}
          onRow={(r) => ({ 'data-testid': `chain-level-${r.code}` }) as HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('review.settings.index'), dataIndex: 'index', width: 70 },
            { title: t('review.settings.level'), key: 'name', render: (_, r) => (lang === 'en' ? r.nameEn : r.nameZh) },
            {
              title: t('review.settings.enabled'),
              key: 'enabled',
              width: 100,
              render: (_, r) => (
                <Switch
                  size="small"
                  data-testid={`chain-toggle-${r.code}`}
                  checked={r.enabled}
                  disabled={r.code === 'county'}
                  onChange={(on) => setRows((rs) => rs.map((x) => (x.code === r.code ? { ...x, enabled: on } : x)))}
                />
              ),
            },
          ]}
        />
      </Card>
    </div>
  );
}
