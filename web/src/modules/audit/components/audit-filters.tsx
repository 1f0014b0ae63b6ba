import { Button, DatePicker, Form, Input, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { RegionPicker } from '../../regions/components/region-picker.tsx';
import type { AuditFilters as Filters } from '../hooks/use-audit-list.ts';

interface Values {
  entity?: string;
  action?: string;
  actor?: string;
  region?: string;
  period?: [Dayjs | null, Dayjs | null] | null;
}

const text = (s: string | undefined) => s?.trim() || undefined;

/** The audit query: filled in, then applied with Search (not on every keystroke). */
export function AuditFilters({ onApply }: { onApply: (f: Filters) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();

  const apply = (v: Values) =>
    onApply({
      entity: text(v.entity),
      action: text(v.action),
      actor: text(v.actor),
      region: v.region || undefined,
      // Whole days in local time: from the first day's start to the last day's end.
      from: v.period?.[0]?.startOf('day').toISOString(),
      to: v.period?.[1]?.endOf('day').toISOString(),
    });

  return (
    <Form<Values> form={form} layout="inline" onFinish={apply} className="filters">
      <Form.Item name="entity" htmlFor="audit-entity">
        <Input id="audit-entity" placeholder={t('audit.entity')} allowClear style={{ width: 130 }} />
      </Form.Item>
      <Form.Item name="action" htmlFor="audit-action">
        <Input id="audit-action" placeholder={t('audit.action')} allowClear style={{ width: 150 }} />
      </Form.Item>
      <Form.Item name="actor" htmlFor="audit-actor">
        <Input id="audit-actor" placeholder={t('audit.actorPlaceholder')} allowClear style={{ width: 150 }} />
      </Form.Item>
      <Form.Item name="region">
        <RegionPicker data-testid="audit-region" allowClear placeholder={t('audit.region')} />
      </Form.Item>
      <Form.Item name="period">
        <DatePicker.RangePicker data-testid="audit-period" allowEmpty={[true, true]} />
      </Form.Item>
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" data-testid="audit-search">
            {t('common.search')}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              onApply({});
            }}
          >
            {t('common.reset')}
          </Button>
        </Space>
      </Form.Item>
    </Form>
  );
}
