import { todayInChina } from '../../ui/utils/census-day.ts';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select, Space, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { QueryErrorAlert } from '../../ui/components/query-error-alert.tsx';
import { useNotify } from '../../ui/hooks/use-notify.ts';
import { useReadinessHistory } from '../hooks/use-supervision.ts';
import { SUP, supervisionKeys, wan, type ReadinessBody, type ReadinessReport } from '../utils/supervision-api.ts';

interface Values {
  reportedOn: Dayjs;
  leadingGroupOn?: Dayjs | null; officeOn?: Dayjs | null; planOn?: Dayjs | null; planDocument?: string;
  meetings: Array<{ level: 'province' | 'prefecture' | 'county'; heldOn: Dayjs; document?: string }>;
  inAssessment: boolean; staffNeeded: number; staffOwn: number; staffSeconded: number;
  officeSpace: boolean; networkConnected: boolean; fundsBudgeted: number; fundsArrived: number; agencyContracted: boolean; note?: string;
}

const day = (v: string | null | undefined) => (v ? dayjs(v) : null);
const iso = (v: Dayjs | null | undefined) => (v ? v.format('YYYY-MM-DD') : null);

function initial(r: ReadinessReport | null | undefined): Values {
  return {
    reportedOn: dayjs(todayInChina()),
    leadingGroupOn: day(r?.leadingGroupOn), officeOn: day(r?.officeOn), planOn: day(r?.planOn), planDocument: r?.planDocument ?? '',
    meetings: (r?.meetings ?? []).map((m) => ({ level: m.level, heldOn: dayjs(m.heldOn), document: m.document ?? '' })),
    inAssessment: r?.inAssessment ?? false, staffNeeded: r?.staffNeeded ?? 0, staffOwn: r?.staffOwn ?? 0, staffSeconded: r?.staffSeconded ?? 0,
    officeSpace: r?.officeSpace ?? false, networkConnected: r?.networkConnected ?? false,
    fundsBudgeted: wan(r?.fundsBudgeted), fundsArrived: wan(r?.fundsArrived), agencyContracted: r?.agencyContracted ?? false, note: r?.note ?? '',
  };
}

/** 本级填报: a new readiness report of the caller's own region, starting from the current one (PUT /supervision/readiness/:code). */
export function ReadinessForm({ region, open, onClose }: { region: { code: string; name: string }; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const current = useReadinessHistory(open ? region.code : null);
  useEffect(() => {
    if (open && current.data) form.setFieldsValue(initial(current.data.current));
  }, [open, current.data, form]);

  const save = useMutation({
    mutationFn: (v: Values) => {
      const body: ReadinessBody = {
        reportedOn: v.reportedOn.format('YYYY-MM-DD'),
        leadingGroupOn: iso(v.leadingGroupOn), officeOn: iso(v.officeOn), planOn: iso(v.planOn), planDocument: v.planDocument || null,
        meetings: v.meetings.map((m) => ({ level: m.level, heldOn: m.heldOn.format('YYYY-MM-DD'), ...(m.document ? { document: m.document } : {}) })),
        inAssessment: v.inAssessment, staffNeeded: v.staffNeeded, staffOwn: v.staffOwn, staffSeconded: v.staffSeconded,
        officeSpace: v.officeSpace, networkConnected: v.networkConnected,
        // Entered in 万元, kept in yuan.
        fundsBudgeted: Math.round(v.fundsBudgeted * 10000), fundsArrived: Math.round(v.fundsArrived * 10000),
        agencyContracted: v.agencyContracted, note: v.note ?? '',
      };
      return api.put(`${SUP}/readiness/${region.code}`, body);
    },
    onSuccess: () => {
      notify.success(t('supervision.readiness.saved'));
      void qc.invalidateQueries({ queryKey: supervisionKeys.all });
      onClose();
    },
  });
  const f = (k: keyof Values | 'meetingLevel' | 'meetingOn' | 'meetingDocument' | 'addMeeting') => t(`supervision.readiness.field.${k}`);
  const num = (name: keyof Values, step = 1) => (
    <Form.Item name={name} label={f(name)} rules={[{ required: true }]}>
      <InputNumber min={0} step={step} style={{ width: '100%' }} data-testid={`readiness-field-${name}`} />
    </Form.Item>
  );
  const sw = (name: keyof Values) => (
    <Form.Item name={name} label={f(name)} valuePropName="checked"><Switch data-testid={`readiness-field-${name}`} /></Form.Item>
  );
  const date = (name: keyof Values) => (
    <Form.Item name={name} label={f(name)}><DatePicker style={{ width: '100%' }} data-testid={`readiness-field-${name}`} /></Form.Item>
  );

  return (
    <Modal
      open={open}
      width={760}
      destroyOnHidden
      title={t('supervision.readiness.ownTitle', { name: region.name })}
      onCancel={onClose}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: save.isPending, disabled: current.isPending, ...({ 'data-testid': 'readiness-save' } as object) }}
      onOk={() => void form.validateFields().then((v) => save.mutate(v))}
    >
      <QueryErrorAlert error={current.error ?? save.error} />
      <Form<Values> form={form} layout="vertical" size="small" initialValues={initial(null)} data-testid="readiness-form">
        <Row gutter={12}>
          <Col span={8}><Form.Item name="reportedOn" label={f('reportedOn')} rules={[{ required: true }]}><DatePicker style={{ width: '100%' }} allowClear={false} /></Form.Item></Col>
          <Col span={8}>{date('leadingGroupOn')}</Col>
          <Col span={8}>{date('officeOn')}</Col>
          <Col span={8}>{date('planOn')}</Col>
          <Col span={16}><Form.Item name="planDocument" label={f('planDocument')}><Input /></Form.Item></Col>
        </Row>
        <Form.Item label={f('meetings')}>
          <Form.List name="meetings">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Space key={field.key} align="baseline" wrap>
                    <Form.Item name={[field.name, 'level']} rules={[{ required: true }]}>
                      <Select style={{ width: 100 }} placeholder={f('meetingLevel')} options={(['province', 'prefecture', 'county'] as const).map((l) => ({ value: l, label: t(`supervision.readiness.level.${l}`) }))} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'heldOn']} rules={[{ required: true }]}><DatePicker placeholder={f('meetingOn')} /></Form.Item>
                    <Form.Item name={[field.name, 'document']}><Input placeholder={f('meetingDocument')} /></Form.Item>
                    <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(field.name)} />
                  </Space>
                ))}
                <Button size="small" icon={<PlusOutlined />} onClick={() => add({ level: 'county', heldOn: dayjs(todayInChina()) })} data-testid="readiness-add-meeting">{f('addMeeting')}</Button>
              </>
            )}
          </Form.List>
        </Form.Item>
        <Row gutter={12}>
          <Col span={8}>{num('staffNeeded')}</Col>
          <Col span={8}>{num('staffOwn')}</Col>
          <Col span={8}>{num('staffSeconded')}</Col>
          <Col span={12}>{num('fundsBudgeted', 0.01)}</Col>
          <Col span={12}>{num('fundsArrived', 0.01)}</Col>
          <Col span={6}>{sw('inAssessment')}</Col>
          <Col span={6}>{sw('officeSpace')}</Col>
          <Col span={6}>{sw('networkConnected')}</Col>
          <Col span={6}>{sw('agencyContracted')}</Col>
        </Row>
        <Form.Item name="note" label={f('note')}><Input.TextArea rows={2} /></Form.Item>
      </Form>
    </Modal>
  );
}
