import { Button, Popconfirm, Space, Typography, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { isApiError } from '../../../api/client.ts';
import type { SourceDetail } from '../../../api/types.ts';
import { useNotify } from '../../ui/hooks/use-notify.ts';
import { useSplitSource } from '../hooks/use-split-source.ts';

export type RowKey = `${number}:${number}`;
export const rowKeyOf = (r: { registerId: number; rowNumber: number }): RowKey => `${r.registerId}:${r.rowNumber}`;

/** "Split into a new source" for the ticked register rows; on success the new source opens. */
export function SourceSplitButton({ source, selected, onDone }: { source: SourceDetail; selected: RowKey[]; onDone: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const navigate = useNavigate();
  const split = useSplitSource();
  // At least one row must stay with the source.
  const allowed = selected.length > 0 && selected.length < source.registerRows.length;

  const run = () => {
    const rows = source.registerRows.filter((r) => selected.includes(rowKeyOf(r))).map((r) => ({ registerId: r.registerId, rowNumber: r.rowNumber }));
    split.mutate(
      { id: source.id, version: source.version, rows },
      {
        onSuccess: (r) => {
          onDone();
          notify.success(t('directory.splitDone', { id: r.newSourceId }));
          navigate(`/directory/${r.newSourceId}`);
        },
        onError: (e) => {
          // The hook re-reads the source; a conflict means the table showed an old version.
          if (isApiError(e, 'VERSION_CONFLICT')) notify.error(new Error(t('directory.reloaded')));
          else notify.error(e);
        },
      },
    );
  };

  return (
    <Space wrap>
      <Typography.Text type="secondary" data-testid="source-split-selected">
        {selected.length > 0 ? t('directory.splitSelected', { count: selected.length }) : t('directory.splitHint')}
      </Typography.Text>
      <Popconfirm
        title={t('directory.confirmSplit', { count: selected.length })}
        okText={t('common.yes')}
        cancelText={t('common.no')}
        okButtonProps={{ 'data-testid': 'source-split-confirm' } as ButtonProps}
        onConfirm={run}
        disabled={!allowed}
      >
        <Button size="small" data-testid="source-split" disabled={!allowed} loading={split.isPending}>
          {t('directory.split')}
        </Button>
      </Popconfirm>
    </Space>
  );
}
