import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ArticleStatus } from '../utils/portal-api.ts';

const COLOUR: Record<ArticleStatus, string> = { draft: 'default', review: 'processing', scheduled: 'purple', published: 'success', unpublished: 'warning' };

/** An article's workflow status, coloured. */
export function ArticleStatusTag({ status, testId }: { status: ArticleStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag className="inline-tag" color={COLOUR[status]} data-testid={testId} data-status={status}>
      {t(`portal.statuses.${status}`)}
    </Tag>
  );
}
