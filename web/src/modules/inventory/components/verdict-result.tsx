import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { VerdictOutcome } from '../../../api/inventory-types.ts';

/** What the last verdict did: records updated, and how many of them it confirmed or put in dispute. */
export function VerdictResult({ outcome, onClose }: { outcome: VerdictOutcome | null; onClose: () => void }) {
  const { t } = useTranslation();
  if (!outcome) return null;
  return (
    <Alert
      className="block-gap"
      type={outcome.disputed ? 'warning' : 'success'}
      showIcon
      closable={{ onClose }}
      data-testid="verdict-result"
      title={
        <span>
          {t('inventory.review.updated')} <strong data-testid="verdict-updated">{outcome.updated}</strong> · {t('inventory.review.confirmed')}{' '}
          <strong data-testid="verdict-confirmed">{outcome.confirmed}</strong> · {t('inventory.review.disputed')}{' '}
          <strong data-testid="verdict-disputed">{outcome.disputed}</strong>
        </span>
      }
    />
  );
}
