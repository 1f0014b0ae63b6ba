import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLOUR: Record<string, string> = { submitted: 'processing', approved: 'success', locked: 'green', returned: 'warning', draft: 'default' };

/** A submission's status in the review chain's words. */
export function StatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag className="inline-tag" color={COLOUR[status] ?? 'default'} data-testid="review-status" data-status={status}>
      {t(`review.statuses.${status as 'submitted'}`, { defaultValue: status })}
    </Tag>
  );
}
