import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LocalSubmission } from '../types.ts';

type Kind = 'none' | 'draft' | 'submitted' | 'synced' | 'returned' | 'approved';

/** Where a form stands as the device knows it: waiting to go up first, then what the review chain said. */
export function localKind(sub: LocalSubmission | undefined): Kind {
  if (!sub) return 'none';
  if (sub.pending) return sub.status === 'submitted' ? 'submitted' : 'draft';
  if (sub.review) return 'returned';
  if (sub.serverStatus === 'approved' || sub.serverStatus === 'locked') return 'approved';
  if (sub.status === 'submitted' && sub.serverStatus !== 'submitted') return 'submitted';
  return sub.serverStatus ? 'synced' : 'draft';
}

const COLOR: Record<Kind, string | undefined> = { none: undefined, draft: 'processing', submitted: 'warning', synced: 'success', returned: 'error', approved: 'default' };

/** The local status of a form, as a tag. */
export function LocalStatus({ sub }: { sub: LocalSubmission | undefined }) {
  const { t } = useTranslation();
  const kind = localKind(sub);
  return (
    <Tag color={COLOR[kind]} data-testid={`fs-status-${sub?.form ?? 'none'}`} data-status={kind} className="inline-tag">
      {t(`field.survey.local.${kind}`, { rev: sub?.baseRev ?? '' })}
    </Tag>
  );
}
