import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VerdictKind, VerdictOutcome } from '../../../api/inventory-types.ts';
import { useSession } from '../../auth/hooks/use-session.ts';
import { LoadMoreButton } from '../../ui/components/load-more-button.tsx';
import { QueryErrorAlert } from '../../ui/components/query-error-alert.tsx';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { useNotify } from '../../ui/hooks/use-notify.ts';
import { useInventoryDepartments } from '../hooks/use-inventory-config.ts';
import { useRecordList } from '../hooks/use-record-list.ts';
import { useVerdicts } from '../hooks/use-verdicts.ts';
import { nameIn } from '../utils/state-label.ts';
import { RecordsTable } from './records-table.tsx';
import { VerdictReasonModal } from './verdict-reason-modal.tsx';
import { VerdictResult } from './verdict-result.tsx';

/** /inventory/review — a department's queue of the joint review: agree or disagree, one by one or in bulk. */
export function ReviewPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const notify = useNotify();
  const session = useSession();
  const department = session.department ?? undefined;
  const dept = useInventoryDepartments().byCode.get(department ?? '');
  const list = useRecordList({ department, pending: true }, !!department);
  const verdicts = useVerdicts();
  const [picked, setPicked] = useState<number[]>([]);
  const [asking, setAsking] = useState<number[] | null>(null);
  const [outcome, setOutcome] = useState<VerdictOutcome | null>(null);
  // Judged records leave the queue; a selection only holds rows still shown.
  const selected = picked.filter((id) => list.items.some((r) => r.sourceId === id));

  const judge = (sourceIds: number[], verdict: VerdictKind, reason?: string) =>
    verdicts.mutate(
      { sourceIds, verdict, reason },
      {
        onSuccess: (o) => {
          setOutcome(o);
          setAsking(null);
          setPicked((p) => p.filter((id) => !sourceIds.includes(id)));
        },
        onError: notify.error,
      },
    );
  const busy = verdicts.isPending;

  if (!department) return <Alert type="warning" showIcon title={t('inventory.review.noDepartment')} />;
  return (
    <div className="page">
      <Card
        size="small"
        title={
          <span data-testid="review-title">
            {t('inventory.review.title')} · {dept ? nameIn(dept, lang) : department}
          </span>
        }
        extra={
          <Button icon={<ReloadOutlined />} onClick={() => void list.refetch()} data-testid="review-refresh">
            {t('common.refresh')}
          </Button>
        }
      >
        <VerdictResult outcome={outcome} onClose={() => setOutcome(null)} />
        <Space wrap className="filters" data-testid="review-bulk">
          <Checkbox
            data-testid="review-select-all"
            checked={list.items.length > 0 && selected.length === list.items.length}
            indeterminate={selected.length > 0 && selected.length < list.items.length}
            disabled={list.items.length === 0}
            onChange={(e) => setPicked(e.target.checked ? list.items.map((r) => r.sourceId) : [])}
          >
            {t('inventory.review.selectAll')}
          </Checkbox>
          <Typography.Text type="secondary" data-testid="review-selected">
            {t('inventory.review.selected', { count: selected.length })}
          </Typography.Text>
          <Button type="primary" data-testid="review-bulk-agree" disabled={selected.length === 0 || busy} onClick={() => judge(selected, 'agree')}>
            {t('inventory.review.agreeSelected')}
          </Button>
          <Button danger data-testid="review-bulk-disagree" disabled={selected.length === 0 || busy} onClick={() => setAsking(selected)}>
            {t('inventory.review.disagreeSelected')}
          </Button>
        </Space>
        <QueryErrorAlert error={list.error} onRetry={list.refetch} />
        <RecordsTable
          items={list.items}
          loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)}
          selection={{ selectedRowKeys: selected, onChange: (keys) => setPicked(keys as number[]), getCheckboxProps: (r) => ({ 'data-testid': `review-select-${r.sourceId}` }) as object }}
          action={{
            title: t('common.actions'),
            width: 150,
            render: (r) => (
              <Space size={4}>
                <Button size="small" type="link" data-testid={`review-agree-${r.sourceId}`} disabled={busy} onClick={() => judge([r.sourceId], 'agree')}>
                  {t('inventory.review.agree')}
                </Button>
                <Button size="small" type="link" danger data-testid={`review-disagree-${r.sourceId}`} disabled={busy} onClick={() => setAsking([r.sourceId])}>
                  {t('inventory.review.disagree')}
                </Button>
              </Space>
            ),
          }}
        />
        <LoadMoreButton
          hasNextPage={list.hasNextPage}
          isFetchingNextPage={list.isFetchingNextPage}
          fetchNextPage={list.fetchNextPage}
          shown={list.items.length}
          testId="review-load-more"
        />
      </Card>
      <VerdictReasonModal count={asking?.length ?? null} busy={busy} onCancel={() => setAsking(null)} onOk={(reason) => asking && judge(asking, 'disagree', reason)} />
    </div>
  );
}
