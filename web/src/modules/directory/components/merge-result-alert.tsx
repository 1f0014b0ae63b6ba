import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MergeOutcome } from '../../../api/types.ts';

interface Props {
  merge: MergeOutcome;
  undoing: boolean;
  onUndo: () => void;
  onClose: () => void;
}

/** The last merge made here, with its 撤销 (also the `u` key). */
export function MergeResultAlert({ merge, undoing, onUndo, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Alert
      className="block-gap"
      type="success"
      showIcon
      closable={{ onClose }}
      data-testid="merge-result"
      data-event={merge.event}
      title={t('queue.merged', { other: merge.otherId, survivor: merge.survivorId, count: merge.movedRows })}
      action={
        <Button size="small" data-testid="merge-undo" loading={undoing} onClick={onUndo}>
          {t('queue.undo')} <kbd className="kbd">u</kbd>
        </Button>
      }
    />
  );
}
