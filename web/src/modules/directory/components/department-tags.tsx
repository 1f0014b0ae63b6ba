import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Department } from '../../../api/types.ts';

const COLOURS: Record<Department, string> = {
  samr: 'blue', tax: 'gold', stats: 'purple', mee: 'green', miit: 'cyan', moa: 'lime', mwr: 'geekblue', mohurd: 'orange', other: 'default',
};

/** The departments whose registers carry a source, with the labels the registers page uses. */
export function DepartmentTags({ departments }: { departments: readonly string[] }) {
  const { t } = useTranslation();
  if (departments.length === 0) return <span className="muted">{t('common.none')}</span>;
  return (
    <span className="department-tags">
      {departments.map((d) => (
        <Tag key={d} color={COLOURS[d as Department] ?? 'default'} data-testid="department-tag" data-department={d}>
          {t(`departments.${d as Department}`, { defaultValue: d })}
        </Tag>
      ))}
    </span>
  );
}
