import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LocalSubmission } from '../types.ts';

/** The local status of a form, as a tag. */
export function LocalStatus({ sub }: { sub: LocalSubmission | undefined }) {
  const { t } = useTranslation();
  const kind = !sub ? 'none' : sub.pending || (sub.status === 'submitted' && sub.serverStatus !== 'submitted') ? (sub.status === 'submitted' ? 'submitted' : 'draft') : sub.serverStatus ? 'synced' : 'draft';
  const color = { none: undefined, draft: 'processing', submitted: 'warning', synced: 'success' }[kind];
  return (
    <Tag color={color} data-testid={`fs-status-${sub?.form ?? 'none'}`} data-status={kind} className="inline-tag">
      {t(`field.survey.local.${kind}`, { rev: sub?.baseRev ?? '' })}
    </Tag>
  );
}
