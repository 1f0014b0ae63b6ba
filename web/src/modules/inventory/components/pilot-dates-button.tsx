import { CalendarOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, DatePicker, Modal, type ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import type { Pilot } from '../../../api/inventory-types.ts';
import { QueryErrorAlert } from '../../ui/components/query-error-alert.tsx';
import { INV, inventoryKeys } from '../utils/inventory-keys.ts';

/** The national office moves a pilot county's survey dates (试点先行): PUT /inventory/phase-dates. */
export function PilotDatesButton({ pilot }: { pilot: Pilot }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const save = useMutation({
    mutationFn: ([from, to]: [Dayjs, Dayjs]) =>
      api.put(`${INV}/phase-dates`, { regionCode: pilot.code, phase: 'survey', startsOn: from.format('YYYY-MM-DD'), endsOn: to.format('YYYY-MM-DD') }),
    onSuccess: () => {
      setOpen(false);
      void qc.invalidateQueries({ queryKey: inventoryKeys.pilots });
    },
  });
  const ready = !!range?.[0] && !!range?.[1];
  return (
    <>
      <Button
        size="small"
        icon={<CalendarOutlined />}
        data-testid={`pilot-dates-${pilot.code}`}
        onClick={() => {
          save.reset();
          setRange([pilot.surveyStartsOn ? dayjs(pilot.surveyStartsOn) : null, pilot.surveyEndsOn ? dayjs(pilot.surveyEndsOn) : null]);
          setOpen(true);
        }}
      >
        {t('inventory.pilots.editDates')}
      </Button>
      <Modal
        open={open}
        destroyOnHidden
        title={t('inventory.pilots.datesTitle', { name: pilot.name })}
        onCancel={() => setOpen(false)}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        okButtonProps={{ disabled: !ready, loading: save.isPending, 'data-testid': 'pilot-dates-save' } as ButtonProps}
        onOk={() => ready && save.mutate([range![0]!, range![1]!])}
      >
        <p>{t('inventory.pilots.datesHint')}</p>
        <DatePicker.RangePicker value={range} onChange={(v) => setRange(v as [Dayjs | null, Dayjs | null] | null)} data-testid="pilot-dates-range" />
        <QueryErrorAlert error={save.error} />
      </Modal>
    </>
  );
}
