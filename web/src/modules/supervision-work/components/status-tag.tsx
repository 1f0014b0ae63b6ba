import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLOUR: Record<string, string> = { draft: 'default', published: 'success', open: 'processing', answered: 'warning', closed: 'success', escalated: 'error' };

/** A dispatch's, briefing's or case's status. */
export function StatusTag({ status, testId }: { status: string; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag className="inline-tag" color={COLOUR[status] ?? 'default'} data-testid={testId} data-status={status}>
      {t(`supervisionWork.statuses.${status as 'open'}`, { defaultValue: status })}
    </Tag>
  );
}
