import { Alert } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Job } from '../../../api/types.ts';
import { JobProgressLine } from '../../jobs/components/job-progress-line.tsx';
import { useJob } from '../../jobs/hooks/use-job.ts';
import { isActiveJob } from '../../jobs/utils/is-active-job.ts';
import { jobErrorText } from '../../jobs/utils/job-error-text.ts';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { inventoryKeys } from '../utils/inventory-keys.ts';

/** The "place by address" job, re-read every second like an import; once it ends, zones and progress are re-read. */
export function ZoneAssignProgress({ started, onClose }: { started: Job; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const qc = useQueryClient();
  const job = useJob(started.id, 1000).data ?? started;
  const ended = !isActiveJob(job);

  useEffect(() => {
    if (ended) void qc.invalidateQueries({ queryKey: inventoryKeys.all });
  }, [ended, qc]);

  const error = job.status === 'failed' ? jobErrorText(job.error, lang) : null;
  return (
    <Alert
      className="block-gap"
      type={job.status === 'failed' ? 'error' : ended ? 'success' : 'info'}
      closable={ended ? { onClose } : false}
      data-testid="zone-assign-job"
      data-job-status={job.status}
      title={ended ? (error ?? t('inventory.plan.assignDone')) : t('inventory.plan.assignStarted')}
      description={<JobProgressLine job={job} />}
    />
  );
}
