import { Modal, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CensusZone } from '../../../api/inventory-types.ts';
import { useNotify } from '../../ui/hooks/use-notify.ts';
import { useZoneSources } from '../hooks/use-zones.ts';
import { SourcePicker } from './source-picker.tsx';

/** Put chosen sources of the zone's county into the zone by hand, in one request. */
export function ZoneSourcesModal({ zone, region, onClose }: { zone: CensusZone; region: string; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const assign = useZoneSources();
  const [ids, setIds] = useState<number[]>([]);
  return (
    <Modal
      open
      width={820}
      title={t('inventory.plan.addSourcesTitle', { name: zone.name })}
      onCancel={onClose}
      okText={t('inventory.plan.addSources')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: ids.length === 0, loading: assign.isPending, 'data-testid': 'zone-sources-submit' } as ButtonProps}
      onOk={() =>
        assign.mutate(
          { zoneId: zone.id, sourceIds: ids },
          { onSuccess: (r) => (notify.success(t('inventory.plan.assigned', { count: r.assigned })), onClose()), onError: notify.error },
        )
      }
    >
      <SourcePicker region={region} selected={ids} onChange={setIds} />
    </Modal>
  );
}
