import { Form, Input, Modal, Radio, Select, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotify } from '../../ui/hooks/use-notify.ts';
import { useCreatePackage } from '../hooks/use-packages.ts';
import { useZones } from '../hooks/use-zones.ts';
import { SourcePicker } from './source-picker.tsx';
import { TeamSelect } from './team-select.tsx';

interface Values {
  name: string;
  teamId: number;
  zoneId?: number;
}

/** A work package for a team: a whole zone's sources, or sources chosen from the directory. */
export function PackageFormModal({ region, onClose }: { region: string; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const create = useCreatePackage();
  const zones = useZones(region);
  const [form] = Form.useForm<Values>();
  const [from, setFrom] = useState<'zone' | 'sources'>('zone');
  const [ids, setIds] = useState<number[]>([]);

  const submit = (v: Values) => {
    const body = from === 'zone' ? { name: v.name.trim(), teamId: v.teamId, zoneId: v.zoneId } : { name: v.name.trim(), teamId: v.teamId, sourceIds: ids };
    create.mutate(body, { onSuccess: () => (notify.success(t('common.created')), onClose()), onError: notify.error });
  };

  return (
    <Modal
      open
      width={from === 'sources' ? 820 : 560}
      title={t('inventory.plan.newPackage')}
      onCancel={onClose}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: create.isPending, disabled: from === 'sources' && ids.length === 0, 'data-testid': 'package-submit' } as ButtonProps}
      onOk={() => form.submit()}
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="name" label={t('inventory.plan.packageName')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input id="package-name" data-testid="package-name" maxLength={80} />
        </Form.Item>
        <Form.Item name="teamId" label={t('inventory.plan.team')} rules={[{ required: true, message: t('common.required') }]}>
          <TeamSelect region={region.slice(0, 6)} data-testid="package-team" />
        </Form.Item>
        <Form.Item>
          <Radio.Group value={from} onChange={(e) => setFrom(e.target.value as 'zone' | 'sources')} data-testid="package-from">
            <Radio value="zone" data-testid="package-from-zone">{t('inventory.plan.fromZone')}</Radio>
            <Radio value="sources" data-testid="package-from-sources">{t('inventory.plan.fromSources')}</Radio>
          </Radio.Group>
        </Form.Item>
        {from === 'zone' ? (
          <Form.Item name="zoneId" label={t('inventory.plan.pickZone')} rules={[{ required: true, message: t('common.required') }]}>
            <Select<number>
              data-testid="package-zone"
              loading={zones.isFetching}
              options={(zones.data ?? []).map((z) => ({ value: z.id, label: `${z.name} · ${z.code} (${z.sources})` }))}
            />
          </Form.Item>
        ) : (
          <SourcePicker region={region.slice(0, 6)} selected={ids} onChange={setIds} />
        )}
      </Form>
    </Modal>
  );
}
