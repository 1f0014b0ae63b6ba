import { Form, Input, Modal, Select } from 'antd';
import type { ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNotify } from '../../ui/hooks/use-notify.ts';
import { useCreateCase } from '../hooks/use-cases.ts';
import { addDays, CASE_TYPES, todayInChina, type Case, type CaseType, type NewCase } from '../utils/supervision-api.ts';
import { TargetPicker } from './target-picker.tsx';

export interface CaseDraft {
  type?: CaseType;
  targetRegion?: string;
  targetName?: string;
  title?: string;
  reasons?: string;
  dispatchId?: number;
  lagScore?: number;
}

interface Values { type: CaseType; targetRegion: string; title?: string; reasons: string; measures?: string; dueOn?: string }

/** 新建督办: a case to a region inside the scope; from a dispatch's laggard it starts filled in. */
export function CaseFormModal({ draft, onClose, onDone }: { draft: CaseDraft; onClose: () => void; onDone: (c: Case) => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const create = useCreateCase();
  const [form] = Form.useForm<Values>();
  const type = Form.useWatch('type', form) ?? draft.type ?? 'letter';
  const submit = (v: Values) => {
    const body: NewCase = { type: v.type, targetRegion: v.targetRegion, reasons: v.reasons.trim() };
    if (v.title?.trim()) body.title = v.title.trim();
    if (v.measures?.trim()) body.measures = v.measures.trim();
    if (v.dueOn && v.type !== 'praise') body.dueOn = v.dueOn;
    if (draft.dispatchId) body.dispatchId = draft.dispatchId;
    if (draft.lagScore !== undefined) body.lagScore = draft.lagScore;
    create.mutate(body, {
      onSuccess: (c) => { notify.success(t('supervisionWork.cases.created', { number: c.number })); onDone(c); },
      onError: notify.error,
    });
  };
  const required = [{ required: true, message: t('supervisionWork.cases.required') }];
  return (
    <Modal
      open
      width={640}
      title={t('supervisionWork.cases.new')}
      onCancel={onClose}
      okText={t('supervisionWork.cases.submit')}
      okButtonProps={{ 'data-testid': 'case-submit', loading: create.isPending } as ButtonProps}
      onOk={() => form.submit()}
    >
      <Form
        form={form}
        layout="vertical"
        data-testid="case-form"
        initialValues={{ type: draft.type ?? 'letter', targetRegion: draft.targetRegion, title: draft.title, reasons: draft.reasons, dueOn: addDays(todayInChina(), 14) }}
        onFinish={submit}
      >
        <Form.Item name="type" label={t('supervisionWork.cases.type')} rules={required}>
          <Select data-testid="case-type" options={CASE_TYPES.map((k) => ({ value: k, label: t(`supervisionWork.caseTypes.${k}`) }))} />
        </Form.Item>
        <Form.Item name="targetRegion" label={t('supervisionWork.cases.target')} rules={required}>
          <TargetPicker data-testid="case-target" knownName={draft.targetName} />
        </Form.Item>
        <Form.Item name="title" label={t('supervisionWork.cases.caseTitle')}>
          <Input maxLength={200} data-testid="case-title" />
        </Form.Item>
        <Form.Item name="reasons" label={t('supervisionWork.cases.reasons')} rules={required}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={4000} data-testid="case-reasons" />
        </Form.Item>
        <Form.Item name="measures" label={t('supervisionWork.cases.measures')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} data-testid="case-measures" />
        </Form.Item>
        {type !== 'praise' && (
          <Form.Item name="dueOn" label={t('supervisionWork.cases.dueOn')} rules={required}>
            <Input type="date" data-testid="case-due" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
