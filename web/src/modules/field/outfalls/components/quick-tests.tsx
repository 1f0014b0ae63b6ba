import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, InputNumber, Select, Tag, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { testValueProblem, TEST_PARAMETERS, type TestParameter } from '../../../../../../src/domains/outfalls/rules/outfall.ts';
import { useLang } from '../../../ui/hooks/use-lang.ts';
import { rowAbnormal, type CheckFormValues, type TestRow } from '../check-rules.ts';

const PARAMETERS = Object.keys(TEST_PARAMETERS) as TestParameter[];

/** Quick tests (快速检测): parameter + value rows, each flagged live against the GB 3838 class V limits. */
export function QuickTests({ form }: { form: FormInstance<CheckFormValues> }) {
  const { t } = useTranslation();
  const lang = useLang();
  const options = PARAMETERS.map((p) => {
    const d = TEST_PARAMETERS[p];
    return { value: p, label: d.unit ? `${d[lang]} (${d.unit})` : d[lang] };
  });
  return (
    <Form.List name="tests">
      {(rows, { add, remove }) => (
        <>
          {rows.map((row, i) => (
            <div key={row.key} className="outfall-test-row">
              <Form.Item name={[row.name, 'parameter']} aria-label={t('field.outfalls.parameter')}>
                <Select options={options} placeholder={t('field.outfalls.parameter')} data-testid={`outfall-test-parameter-${i}`} />
              </Form.Item>
              <Form.Item
                name={[row.name, 'value']}
                dependencies={[['tests', row.name, 'parameter']]}
                rules={[
                  ({ getFieldValue }) => ({
                    validator: (_, value: number | null | undefined) => {
                      const parameter = getFieldValue(['tests', row.name, 'parameter']) as TestParameter | undefined;
                      if (!parameter || value == null || testValueProblem({ parameter, value }) === null) return Promise.resolve();
                      return Promise.reject(new Error(t('field.outfalls.valueProblem')));
                    },
                  }),
                ]}
              >
                <InputNumber inputMode="decimal" placeholder={t('field.outfalls.value')} style={{ width: '100%' }} data-testid={`outfall-test-value-${i}`} />
              </Form.Item>
              <TestFlag form={form} index={row.name} testId={`outfall-test-flag-${i}`} />
              <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('field.outfalls.removeTest')} onClick={() => remove(row.name)} data-testid={`outfall-test-remove-${i}`} />
            </div>
          ))}
          <Button block type="dashed" icon={<PlusOutlined />} onClick={() => add({})} data-testid="outfall-test-add">
            {t('field.outfalls.addTest')}
          </Button>
        </>
      )}
    </Form.List>
  );
}

function TestFlag({ form, index, testId }: { form: FormInstance<CheckFormValues>; index: number; testId: string }) {
  const { t } = useTranslation();
  const row = Form.useWatch(['tests', index], form) as TestRow | undefined;
  const abnormal = rowAbnormal(row);
  return (
    <span className="outfall-test-flag" data-testid={testId} data-abnormal={abnormal === null ? '' : String(abnormal)}>
      {abnormal === true && <Tag color="red">{t('field.outfalls.abnormal')}</Tag>}
      {abnormal === false && <Tag color="green">{t('field.outfalls.normal')}</Tag>}
    </span>
  );
}
