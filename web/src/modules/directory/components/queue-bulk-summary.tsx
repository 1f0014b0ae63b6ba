import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { errorText } from '../../ui/utils/error-text.ts';
import type { BulkOutcome } from '../hooks/use-bulk-decide.ts';

/** How a bulk action went: how many pairs were done, and why the others failed. */
export function QueueBulkSummary({ outcome, onClose }: { outcome: BulkOutcome; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Alert
      className="block-gap"
      closable={{ onClose }}
      showIcon
      type={outcome.failed.length ? 'warning' : 'success'}
      data-testid="queue-bulk-summary"
      data-ok={outcome.ok.length}
      data-failed={outcome.failed.length}
      title={t('queue.bulkSummary', { ok: outcome.ok.length, failed: outcome.failed.length })}
      description={
        outcome.failed.length > 0 && (
          <ul className="plain-list">
            {outcome.failed.map((f) => (
              <li key={f.id}>
                #{f.id}: {errorText(f.error, lang)}
              </li>
            ))}
          </ul>
        )
      }
    />
  );
}
