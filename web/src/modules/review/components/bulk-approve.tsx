import { Alert, Button, Modal, Typography, type ButtonProps } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueFilter } from '../../../api/review-types.ts';
import { JobProgressLine } from '../../jobs/components/job-progress-line.tsx';
import { useJob } from '../../jobs/hooks/use-job.ts';
import { isActiveJob } from '../../jobs/utils/is-active-job.ts';
import { jobErrorText } from '../../jobs/utils/job-error-text.ts';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { useNotify } from '../../ui/hooks/use-notify.ts';
import { useBulkApprove } from '../hooks/use-bulk-approve.ts';
import { reviewKeys } from '../utils/review-keys.ts';

interface Props {
  filter: QueueFilter;
  /** What the summary says the filter selects: the count the dialog shows and the server is told. */
  total: number;
  disabled?: boolean;
}

/** "Approve all N matching": a confirmation with the count, then the job's progress until it ends. */
export function BulkApprove({ filter, total, disabled }: Props) {
  const { t } = useTranslation();
  const notify = useNotify();
  const start = useBulkApprove();
  const [asking, setAsking] = useState(false);
  const [jobId, setJobId] = useState<number | null>(null);
  const confirm = () =>
    start.mutate(
      { filter, expected: total },
      {
        onSuccess: ({ jobId: id }) => {
          setJobId(id);
          setAsking(false);
        },
        onError: notify.error,
      },
    );
  return (
    <>
      <Button type="primary" data-testid="queue-bulk-approve" disabled={disabled || total === 0 || (jobId !== null)} onClick={() => setAsking(true)}>
        {t('review.queue.approveAll', { count: total })}
      </Button>
      <Modal
        open={asking}
        title={t('review.queue.approveAllTitle')}
        okText={t('review.queue.approveAllOk')}
        okButtonProps={{ 'data-testid': 'bulk-confirm-ok', loading: start.isPending } as ButtonProps}
        onOk={confirm}
        onCancel={() => setAsking(false)}
        destroyOnHidden
      >
        <Typography.Paragraph data-testid="bulk-confirm-text" data-count={total}>
          {t('review.queue.approveAllText', { count: total })}
        </Typography.Paragraph>
      </Modal>
      {jobId !== null && <BulkJob id={jobId} onClose={() => setJobId(null)} />}
    </>
  );
}

/** The bulk-approval job, re-read every second; once it ends, the queue and its summary are re-read. */
function BulkJob({ id, onClose }: { id: number; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const qc = useQueryClient();
  const job = useJob(id, 1000).data;
  const ended = !!job && !isActiveJob(job);
  useEffect(() => {
    if (ended) void qc.invalidateQueries({ queryKey: reviewKeys.all });
  }, [ended, qc]);
  const error = job?.status === 'failed' ? jobErrorText(job.error, lang) : null;
  return (
    <Alert
      className="block-gap bulk-job"
      type={job?.status === 'failed' ? 'error' : ended ? 'success' : 'info'}
      closable={ended ? { onClose } : false}
      data-testid="bulk-job"
      data-job-status={job?.status ?? 'queued'}
      title={ended ? (error ?? t('review.queue.jobDone')) : t('review.queue.jobStarted')}
      description={job && <JobProgressLine job={job} />}
    />
  );
}
