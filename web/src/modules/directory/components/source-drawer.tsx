import { Alert, Button, Drawer, Result, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import { isApiError } from '../../../api/client.ts';
import { useCan } from '../../auth/hooks/use-can.ts';
import { QueryErrorAlert } from '../../ui/components/query-error-alert.tsx';
import { useSource } from '../hooks/use-source.ts';
import { SourceEditButton } from './source-edit-button.tsx';
import { SourceFieldList } from './source-field-list.tsx';
import { SourceMergeList } from './source-merge-list.tsx';
import { SourceProvenanceTable } from './source-provenance-table.tsx';
import { SourceSplitButton, type RowKey } from './source-split-button.tsx';
import { SourceStateActions } from './source-state-actions.tsx';
import { SourceStateTag } from './source-state-tag.tsx';

/** /directory/:id — one source over the list: its fields and their origins, its register rows (split some off), its merges and splits. */
export function SourceDrawer() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  // Opened from the merge queue, closing goes back there.
  const back = (useLocation().state as { back?: string } | null)?.back ?? '/directory';
  const query = useSource(id);
  const source = query.data;
  const missing = !Number.isInteger(id) || isApiError(query.error, 'DIRECTORY_SOURCE_NOT_FOUND');
  // Ticked register rows, for a split; forgotten when another source opens.
  const [picked, setPicked] = useState<{ id: number; keys: RowKey[] }>({ id, keys: [] });
  const selected = picked.id === id ? picked.keys.filter((k) => source?.registerRows.some((r) => `${r.registerId}:${r.rowNumber}` === k)) : [];
  const splittable = !!source && source.state === 'active' && source.registerRows.length > 1 && can('directory.review');

  return (
    <Drawer
      open
      onClose={() => navigate(back)}
      size={Math.min(960, window.innerWidth - 40)}
      data-testid="source-drawer"
      title={
        <span data-testid="source-drawer-title">
          {source ? source.name : t('directory.sourceTitle', { id })}{' '}
          <Typography.Text type="secondary" className="option-code">
            #{id}
          </Typography.Text>
        </span>
      }
      extra={
        source &&
        can('directory.write') && (
          <Space>
            <SourceEditButton source={source} />
            <SourceStateActions source={source} />
          </Space>
        )
      }
    >
      {missing && <Result status="404" subTitle={t('directory.notFound')} />}
      {!missing && <QueryErrorAlert error={query.error} onRetry={query.refetch} />}
      {!source && query.isPending && <Skeleton active />}
      {source && source.id === id && (
        <div data-testid="source-detail" data-version={source.version} data-state={source.state}>
          <Space wrap className="block-gap">
            <SourceStateTag source={source} />
            <Tag>{t(`directory.categories.${source.category}`)}</Tag>
            {source.origin === 'supplement' && <Tag color="magenta">{t('directory.supplementTag')}</Tag>}
          </Space>
          {source.state === 'merged' && source.mergedInto && (
            <Alert
              className="block-gap"
              type="info"
              showIcon
              data-testid="source-merged-into"
              title={t('directory.mergedInto', { id: source.mergedInto })}
              action={
                <Button size="small" data-testid="source-open-survivor" onClick={() => navigate(`/directory/${source.mergedInto}`)}>
                  #{source.mergedInto}
                </Button>
              }
            />
          )}
          <SourceFieldList source={source} />
          <Typography.Title level={5}>{`${t('directory.provenance')} (${source.registerRows.length})`}</Typography.Title>
          {splittable && (
            <div className="block-gap">
              <SourceSplitButton source={source} selected={selected} onDone={() => setPicked({ id, keys: [] })} />
            </div>
          )}
          <div className="block-gap">
            <SourceProvenanceTable
              rows={source.registerRows}
              selection={splittable ? { selected, onChange: (keys) => setPicked({ id, keys: keys as RowKey[] }) } : undefined}
            />
          </div>
          <Typography.Title level={5}>{t('directory.merges')}</Typography.Title>
          <SourceMergeList merges={source.merges} sourceId={source.id} reviewable={can('directory.review')} />
        </div>
      )}
    </Drawer>
  );
}
