import { Form, Input, InputNumber, Modal, Radio, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Phase, SampleItem, SampleItemBody, Verdict } from '../../../api/review-types.ts';

interface Props {
  item: SampleItem | null;
  phase: Phase;
  busy: boolean;
  onCancel: () => void;
  onOk: (body: SampleItemBody) => void;
}

interface Values {
  verdict: Verdict;
  fieldsChecked?: number | null;
  fieldsWrong?: number | null;
  missed?: number | null;
  note?: string;
}

/** One sampled source's finding: right or wrong, the fields checked and wrong (survey), sources missed, a note. */
export function FindingModal({ item, phase, busy, onCancel, onOk }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const r = item?.result;
  const finish = (v: Values) => {
    const body: SampleItemBody = { verdict: v.verdict };
    if (v.fieldsChecked != null) body.fieldsChecked = v.fieldsChecked;
    if (v.fieldsWrong != null) body.fieldsWrong = v.fieldsWrong;
    if (v.missed != null) body.missed = v.missed;
    if (v.note?.trim()) body.note = v.note.trim();
    onOk(body);
  };
  return (
    <Modal
      open={!!item}
      title={item ? t('review.qc.finding', { name: item.sourceName }) : ''}
      okButtonProps={{ loading: busy, 'data-testid': 'finding-ok' } as ButtonProps}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ verdict: r?.verdict ?? 'right', fieldsChecked: r?.fieldsChecked, fieldsWrong: r?.fieldsWrong, missed: r?.missed, note: r?.note ?? '' }}
        onFinish={finish}
      >
        <Form.Item name="verdict" label={t('review.qc.verdict')} rules={[{ required: true }]}>
          <Radio.Group data-testid="finding-verdict" optionType="button" options={(['right', 'wrong'] as const).map((v) => ({ value: v, label: t(`review.qc.verdicts.${v}`) }))} />
        </Form.Item>
        {phase === 'survey' && (
          <>
            <Form.Item name="fieldsChecked" label={t('review.qc.fieldsChecked')}>
              <InputNumber<number> data-testid="finding-fields-checked" min={0} precision={0} />
            </Form.Item>
            <Form.Item name="fieldsWrong" label={t('review.qc.fieldsWrong')}>
              <InputNumber<number> data-testid="finding-fields-wrong" min={0} precision={0} />
            </Form.Item>
          </>
        )}
        <Form.Item name="missed" label={t('review.qc.missed')}>
          <InputNumber<number> data-testid="finding-missed" min={0} precision={0} />
        </Form.Item>
        <Form.Item name="note" label={t('review.qc.note')}>
          <Input.TextArea data-testid="finding-note" maxLength={500} autoSize={{ minRows: 2 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
