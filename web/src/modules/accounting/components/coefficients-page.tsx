import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoefVersion, CoefVersionStatus } from '../../../api/accounting-types.ts';
import { useCan } from '../../auth/hooks/use-can.ts';
import { QueryErrorAlert } from '../../ui/components/query-error-alert.tsx';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { useNotify } from '../../ui/hooks/use-notify.ts';
import { formatDateTime } from '../../ui/utils/format-date-time.ts';
import { useCoefVersions, usePutInForce } from '../hooks/use-coefficients.ts';
import { CoefDiff } from './coef-diff.tsx';
import { CoefRows } from './coef-rows.tsx';
import { ImportModal } from './import-modal.tsx';

const STATUS_COLOUR: Record<CoefVersionStatus, string> = { draft: 'default', 'in-force': 'green', retired: 'orange' };

/** /accounting/coefficients — the library's versions; a version's rows and its diff against the one in force; import and put in force for the national office. */
export function CoefficientsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const notify = useNotify();
  const { modal } = App.useApp();
  const versions = useCoefVersions();
  const inForce = usePutInForce();
  const [selected, setSelected] = useState<number | null>(null);
  const [importing, setImporting] = useState(false);
  const config = can('accounting.config');
  const items = versions.data?.items ?? [];
  // Open on the version in force (else the newest) until the user picks one.
  useEffect(() => {
    if (selected === null && items.length) setSelected((items.find((v) => v.status === 'in-force') ?? items[0]).id);
  }, [items, selected]);
  const current = items.find((v) => v.id === selected);

  const confirm = (v: CoefVersion) =>
    modal.confirm({
      title: t('accounting.coefficients.confirmTitle', { label: v.label, census: v.census }),
      content: t('accounting.coefficients.confirmBody'),
      okButtonProps: { 'data-testid': 'coef-in-force-ok' } as Record<string, string>,
      onOk: () => inForce.mutateAsync(v.id).then(() => notify.success(t('accounting.coefficients.putInForceDone')), notify.error),
    });

  return (
    <div className="page">
      <Card
        size="small"
        title={t('accounting.coefficients.title')}
        extra={config && <Button type="primary" icon={<UploadOutlined />} data-testid="coef-import" onClick={() => setImporting(true)}>{t('accounting.coefficients.import')}</Button>}
      >
        <QueryErrorAlert error={versions.error} onRetry={versions.refetch} />
        <Table<CoefVersion>
          data-testid="coef-versions"
          size="small"
          rowKey="id"
          loading={versions.isPending}
          dataSource={items}
          pagination={false}
          rowClassName={(v) => (v.id === selected ? 'ant-table-row-selected' : '')}
          onRow={(v) => ({ 'data-testid': `coef-version-${v.id}`, onClick: () => setSelected(v.id), style: { cursor: 'pointer' } }) as HTMLAttributes<HTMLElement>}
          columns={[
            { title: 'ID', dataIndex: 'id', width: 60 },
            {
              title: t('accounting.coefficients.label'), key: 'label', render: (_, v) => (
                <Space size={4} wrap>
                  <span>{v.label}</span>
                  {v.sample && <Tooltip title={t('accounting.coefficients.sampleHint')}><Tag color="gold" data-testid={`coef-sample-${v.id}`}>{t('accounting.coefficients.sample')}</Tag></Tooltip>}
                </Space>
              ),
            },
            { title: t('accounting.coefficients.census'), dataIndex: 'census', width: 90 },
            { title: t('accounting.coefficients.status'), dataIndex: 'status', width: 90, render: (s: CoefVersionStatus, v) => <Tag data-testid={`coef-status-${v.id}`} color={STATUS_COLOUR[s]}>{t(`accounting.coefficients.statuses.${s}`)}</Tag> },
            { title: t('accounting.coefficients.rows'), dataIndex: 'rows', width: 70 },
            { title: t('accounting.coefficients.importedAt'), key: 'imported', width: 200, render: (_, v) => `${formatDateTime(v.importedAt, lang)} ${v.importedBy ?? ''}` },
            { title: t('accounting.coefficients.inForceAt'), key: 'inForce', width: 200, render: (_, v) => (v.inForceAt ? `${formatDateTime(v.inForceAt, lang)} ${v.inForceBy ?? ''}` : '—') },
            ...(config ? [{
              title: t('common.actions'), key: 'act', width: 110, render: (_: unknown, v: CoefVersion) => v.status !== 'in-force' && (
                <Button size="small" data-testid={`coef-in-force-${v.id}`} loading={inForce.isPending && inForce.variables === v.id}
                  onClick={(e) => { e.stopPropagation(); confirm(v); }}>
                  {t('accounting.coefficients.putInForce')}
                </Button>
              ),
            }] : []),
          ]}
        />
      </Card>
      <Card size="small" className="block-gap" title={current ? `${current.label}（${t(`accounting.coefficients.statuses.${current.status}`)}）` : t('accounting.coefficients.rowsTab')}>
        {current ? (
          <Tabs
            destroyOnHidden
            items={[
              { key: 'rows', label: t('accounting.coefficients.rowsTab'), children: <CoefRows key={current.id} versionId={current.id} /> },
              ...(current.status !== 'in-force' ? [{ key: 'diff', label: <span data-testid="coef-diff-tab">{t('accounting.coefficients.diffTab')}</span>, children: <CoefDiff versionId={current.id} /> }] : []),
            ]}
          />
        ) : (
          <Typography.Text type="secondary">{t('accounting.coefficients.noVersion')}</Typography.Text>
        )}
      </Card>
      <ImportModal open={importing} onClose={() => setImporting(false)} onImported={setSelected} />
    </div>
  );
}
