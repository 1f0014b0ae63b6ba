import { Form, Select, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { DEPARTMENTS, type Department } from '../../../api/types.ts';
import { RegionPicker } from '../../regions/components/region-picker.tsx';
import { fileProblem } from '../utils/register-file.ts';
import { RegisterFileInput } from './register-file-input.tsx';

export interface SourceValues {
  department?: Department;
  regionCode?: string;
  file?: File;
}

interface Props {
  form: FormInstance<SourceValues>;
  initial: SourceValues;
  onFinish: (v: Required<SourceValues>) => void;
  /** Any edit here makes the last answer of the server stale. */
  onChange: () => void;
}

/** Step 1 of the wizard: whose list it is, for which region, and the file. */
export function RegisterSourceForm({ form, initial, onFinish, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <Form<SourceValues>
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={(v) => onFinish(v as Required<SourceValues>)}
      onValuesChange={onChange}
      requiredMark="optional"
    >
      <Form.Item label={t('registers.department')} name="department" htmlFor="register-department" rules={[{ required: true, message: t('common.required') }]}>
        <Select<Department>
          id="register-department"
          data-testid="register-department"
          options={DEPARTMENTS.map((d) => ({ value: d, label: t(`departments.${d}`) }))}
        />
      </Form.Item>
      <Form.Item label={t('registers.region')} name="regionCode" htmlFor="register-region" rules={[{ required: true, message: t('common.required') }]}>
        <RegionPicker id="register-region" data-testid="register-region" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        label={t('registers.file')}
        name="file"
        htmlFor="register-file"
        rules={[
          { required: true, message: t('registers.fileRequired') },
          {
            validator: (_, file?: File) => {
              const problem = file && fileProblem(file);
              return problem ? Promise.reject(new Error(t(`registers.${problem}`))) : Promise.resolve();
            },
          },
        ]}
      >
        <RegisterFileInput id="register-file" />
      </Form.Item>
    </Form>
  );
}
