import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Source } from '../../../api/types.ts';

const COLOURS = { active: 'green', deleted: 'red', merged: 'default' } as const;

/** Active, deleted (with its reason) or merged. */
export function SourceStateTag({ source }: { source: Pick<Source, 'state' | 'deleteReason'> }) {
  const { t } = useTranslation();
  const label =
    source.state === 'deleted' && source.deleteReason
      ? t('directory.deletedBecause', { reason: t(`directory.deleteReasons.${source.deleteReason}`) })
      : t(`directory.states.${source.state}`);
  return (
    <Tag color={COLOURS[source.state]} data-testid="source-state" data-state={source.state}>
      {label}
    </Tag>
  );
}
