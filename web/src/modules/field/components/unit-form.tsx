import { ArrowLeftOutlined, FormOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Result, Spin, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotify } from '../../ui/hooks/use-notify.ts';
import { useIdb } from '../hooks/use-idb.ts';
import { usePosition } from '../hooks/use-position.ts';
import { useStates } from '../hooks/use-states.ts';
import type { LocalPhoto, LocalUnit, OutboxEntry, SyncItem } from '../types.ts';
import { STORES } from '../utils/field-db.ts';
import { initialValues, round6, toInventoryForm, type FormValues } from '../utils/form-values.ts';
import { unitKey } from '../utils/outbox-rules.ts';
import { saveEdit, unitDetail, type UnitDetail } from '../utils/unit-store.ts';
import { PhotoField, type DraftPhoto } from './photo-field.tsx';
import { RecordNotes } from './record-notes.tsx';
import { ReasonSelect, StatePicker } from './state-picker.tsx';
import { UnitFormFields } from './unit-form-fields.tsx';

export const NEW_UNIT = 'new';

/** Statuses in which the server still takes the taker's edits (past them it refuses with INVENTORY_RECORD_LOCKED). */
const EDITABLE = new Set(['assigned', 'new', 'submitted', 'rejected']);

interface Props {
  packageId: number;
  /** A unit's key, or NEW_UNIT for a unit found in the field (增补). */
  unitKey: string;
  onClose: () => void;
  /** Opens the unit's survey forms (入户调查). */
  onSurvey?: () => void;
}

/** The inventory form of one unit: loads it from the device, saves to the outbox. */
export function UnitForm({ packageId, unitKey: key, onClose, onSurvey }: Props) {
  const { t } = useTranslation();
  const isNew = key === NEW_UNIT;
  const detail = useIdb(isNew ? null : `unit:${key}`, [STORES.units, STORES.outbox], () => unitDetail(key));
  if (!isNew && detail.loading) return <Spin />;
  if (!isNew && !detail.data) {
    return <Result status="404" title={t('field.form.notFound')} extra={<Button onClick={onClose}>{t('field.form.back')}</Button>} />;
  }
  // Keyed by the unit, so a form never shows another unit's values.
  return <UnitFormBody key={key} packageId={packageId} detail={isNew ? null : detail.data!} onClose={onClose} onSurvey={onSurvey} />;
}

function UnitFormBody({ packageId, detail, onClose, onSurvey }: { packageId: number; detail: UnitDetail | null; onClose: () => void; onSurvey?: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const states = useStates();
  const { position } = usePosition();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState<'draft' | 'submit' | null>(null);
  // The same client id for every save of a new unit in this form: one unit, not several.
  const clientUuid = useRef(detail?.unit.clientUuid ?? crypto.randomUUID());
  const [photos, setPhotos] = useState<DraftPhoto[]>(() =>
    (detail?.photos ?? []).map((p) => ({ id: p.id, blob: p.blob, name: p.name, takenAt: p.takenAt, stored: true, failed: p.failed })),
  );
  const [removed, setRemoved] = useState<string[]>([]);
  const opened = useRef(new Date().toISOString());
  const stateCode = Form.useWatch('state', form);
  const state = states.find((s) => s.code === stateCode);

  // A reason belongs to its state: choosing another state clears it.
  useEffect(() => {
    const reason = form.getFieldValue('stateReason') as string | undefined;
    if (reason && state && !state.reasons.includes(reason)) form.setFieldValue('stateReason', undefined);
  }, [state, form]);

  const unit = detail?.unit ?? null;
  const locked = !!unit?.record && !EDITABLE.has(unit.record.status);
  // The survey opens for a unit whose saved state goes on to it (the one on the device, else the server's).
  const savedState = states.find((s) => s.code === (detail?.entry?.item.state ?? unit?.record?.state));
  const save = async (submit: boolean) => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setSaving(submit ? 'submit' : 'draft');
    try {
      const now = new Date().toISOString();
      const data = toInventoryForm(values);
      const uuid = unit ? unit.clientUuid : clientUuid.current;
      const item: SyncItem = {
        opId: crypto.randomUUID(),
        sourceId: unit?.sourceId ?? null,
        ...(uuid ? { clientUuid: uuid } : {}),
        baseVersion: unit?.record?.version ?? null,
        state: values.state!,
        ...(values.stateReason ? { stateReason: values.stateReason } : {}),
        submit,
        data,
        // When the taker was there: the time the form opened, where the phone was.
        ...(position ? { visit: { at: opened.current, lat: round6(position.lat), lng: round6(position.lng), accuracy: Math.round(position.accuracy) } } : {}),
      };
      const keyOf = unit?.key ?? unitKey(null, clientUuid.current);
      const entry: OutboxEntry = { unitKey: keyOf, packageId, item, savedAt: now };
      const newUnit: LocalUnit | undefined = unit ? undefined : fieldUnit(keyOf, packageId, clientUuid.current, data);
      const addPhotos: LocalPhoto[] = photos
        .filter((p) => !p.stored)
        .map((p) => ({ id: p.id, unitKey: keyOf, packageId, blob: p.blob, name: p.name, takenAt: p.takenAt, lat: position?.lat, lng: position?.lng, tries: 0, nextAt: 0 }));
      await saveEdit({ entry, newUnit, addPhotos, removePhotos: removed });
      notify.success(submit ? t('field.form.submitted') : t('field.form.saved'));
      onClose();
    } catch (e) {
      notify.error(e);
    } finally {
      setSaving(null);
    }
  };

  return (
    <div data-testid="unit-form">
      <div className="field-row block-gap">
        <Button type="text" icon={<ArrowLeftOutlined />} onClick={onClose} data-testid="form-back">
          {t('field.form.back')}
        </Button>
        <Typography.Text strong>{unit ? t('field.form.title') : t('field.form.addTitle')}</Typography.Text>
        {unit && savedState?.toSurvey && onSurvey && (
          <Button type="primary" ghost size="small" icon={<FormOutlined />} onClick={onSurvey} data-testid="unit-survey" className="push-end">
            {t('field.survey.open')}
          </Button>
        )}
      </div>
      <RecordNotes record={unit?.record ?? null} entry={detail?.entry} />
      {locked && <Alert type="info" showIcon className="block-gap" data-testid="unit-locked" title={t('field.form.locked', { status: t(`field.status.${unit!.record!.status}`) })} />}
      <Form form={form} layout="vertical" initialValues={initialValues(unit, detail?.entry)} requiredMark={false} scrollToFirstError>
        <Card size="small" title={t('field.form.state')} className="block-gap">
          <Form.Item name="state" rules={[{ required: true, message: t('field.form.stateRequired') }]}>
            <StatePicker states={states} />
          </Form.Item>
          {state && state.reasons.length > 0 && (
            <Form.Item name="stateReason" label={t('field.form.reason')} rules={[{ required: true, message: t('field.form.reasonRequired') }]}>
              <ReasonSelect state={state} />
            </Form.Item>
          )}
        </Card>
        <UnitFormFields form={form} />
        <Card size="small" title={t('field.form.photos')} className="block-gap">
          <PhotoField
            photos={photos}
            onAdd={(more) => setPhotos((p) => [...p, ...more])}
            onRemove={(id) => {
              setPhotos((p) => p.filter((x) => x.id !== id));
              setRemoved((r) => [...r, id]);
            }}
            onTooLarge={() => notify.error(new Error(t('field.form.photoTooLarge')))}
          />
        </Card>
        <Card size="small" title={t('field.form.remarks')} className="block-gap">
          <Form.Item name="remarks" rules={[{ max: 2000 }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="form-remarks" />
          </Form.Item>
        </Card>
      </Form>
      <div className="form-actions">
        <Button size="large" loading={saving === 'draft'} disabled={!!saving || locked} onClick={() => void save(false)} data-testid="form-save-draft">
          {t('field.form.saveDraft')}
        </Button>
        <Button size="large" type="primary" loading={saving === 'submit'} disabled={!!saving || locked} onClick={() => void save(true)} data-testid="form-submit">
          {t('field.form.submit')}
        </Button>
      </div>
    </div>
  );
}

/** A unit found in the field: its directory fields are what the taker typed. */
function fieldUnit(key: string, packageId: number, clientUuid: string, d: ReturnType<typeof toInventoryForm>): LocalUnit {
  return {
    key,
    packageId,
    sourceId: null,
    clientUuid,
    record: null,
    source: {
      name: d.name, creditCode: d.creditCode ?? null, address: d.address ?? null, legalRep: d.legalRep ?? null, phone: d.contacts?.[0]?.phone ?? null,
      industryCode: d.industryCode ?? null, category: d.category ?? null, lat: d.lat ?? null, lng: d.lng ?? null, formerNames: d.formerNames ?? null,
      permitNo: d.permitNo ?? null, radioactive: d.radioactive ?? null, zoneCode: null,
    },
  };
}
