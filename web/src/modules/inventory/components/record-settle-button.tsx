import { Button, Form, Input, Modal, Radio, Space, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client.ts';
import type { InventoryRecordDetail } from '../../../api/inventory-types.ts';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { useNotify } from '../../ui/hooks/use-notify.ts';
import { useInventoryStates } from '../hooks/use-inventory-config.ts';
import { useRecordAction } from '../hooks/use-record-action.ts';
import { reasonLabel } from '../utils/reason-label.ts';
import { nameIn } from '../utils/state-label.ts';

/** The county office decides a record the departments disputed: the state that stands, and why. */
export function RecordSettleButton({ record }: { record: InventoryRecordDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const notify = useNotify();
  const { states, byCode } = useInventoryStates();
  const action = useRecordAction();
  const [open, setOpen] = useState(false);
  const [state, setState] = useState<string | undefined>();
  const [reason, setReason] = useState<string | undefined>();
  const [note, setNote] = useState('');
  const reasons = state ? byCode.get(state)?.reasons ?? [] : [];
  const ready = !!state && !!note.trim() && (reasons.length === 0 || !!reason);

  const start = () => {
    setState(record.state ?? undefined);
    setReason(record.stateReason ?? undefined);
    setNote('');
    setOpen(true);
  };
  const submit = () =>
    state &&
    action.mutate(
      { kind: 'settle', id: record.sourceId, version: record.version, state, stateReason: reasons.length ? reason : undefined, note: note.trim() },
      {
        onSuccess: () => (setOpen(false), notify.success(t('inventory.drawer.settled'))),
        onError: (e) => notify.error(isApiError(e, 'VERSION_CONFLICT') ? new Error(t('inventory.drawer.reloaded')) : e),
      },
    );

  if (record.confirmation !== 'disputed') return null;
  return (
    <>
      <Button type="primary" danger data-testid="record-settle" onClick={start}>
        {t('inventory.drawer.settle')}
      </Button>
      <Modal
        open={open}
        title={t('inventory.drawer.settleTitle', { name: record.name })}
        onCancel={() => setOpen(false)}
        okText={t('inventory.drawer.settle')}
        cancelText={t('common.cancel')}
        okButtonProps={{ disabled: !ready, loading: action.isPending, 'data-testid': 'record-settle-confirm' } as ButtonProps}
        onOk={submit}
      >
        <Form layout="vertical">
          <Form.Item label={t('inventory.fields.state')} required>
            <Radio.Group value={state} onChange={(e) => (setState(e.target.value as string), setReason(undefined))} data-testid="settle-state">
              <Space wrap>
                {states.map((s) => (
                  <Radio key={s.code} value={s.code} data-testid={`settle-state-${s.code}`}>
                    <span className="state-swatch" style={{ background: s.colour }} />
                    {nameIn(s, lang)}
                  </Radio>
                ))}
              </Space>
            </Radio.Group>
          </Form.Item>
          {reasons.length > 0 && (
            <Form.Item label={t('inventory.drawer.stateReason')} required>
              <Radio.Group value={reason} onChange={(e) => setReason(e.target.value as string)} data-testid="settle-reason">
                {reasons.map((r) => (
                  <Radio key={r} value={r} data-testid={`settle-reason-${r}`}>
                    {reasonLabel(t, r)}
                  </Radio>
                ))}
              </Radio.Group>
            </Form.Item>
          )}
          <Form.Item label={t('inventory.drawer.note')} required>
            <Input.TextArea data-testid="settle-note" rows={3} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
