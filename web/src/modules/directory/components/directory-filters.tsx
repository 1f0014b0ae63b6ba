import { SearchOutlined } from '@ant-design/icons';
import { Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { DEPARTMENTS, SOURCE_CATEGORIES, SOURCE_STATES, type Department, type SourceCategory, type SourceState } from '../../../api/types.ts';
import { RegionPicker } from '../../regions/components/region-picker.tsx';
import type { SourceFilters } from '../hooks/use-source-list.ts';

interface Props {
  filters: SourceFilters;
  onChange: (f: Partial<SourceFilters>) => void;
  /** What is typed in the search box (searched after a pause, or at once on Enter). */
  text: string;
  onText: (text: string) => void;
  onSearch: () => void;
  industry: string;
  onIndustry: (text: string) => void;
}

export function DirectoryFilters({ filters, onChange, text, onText, onSearch, industry, onIndustry }: Props) {
  const { t } = useTranslation();
  return (
    <Space wrap className="filters">
      <Input
        data-testid="source-search"
        allowClear
        prefix={<SearchOutlined />}
        placeholder={t('directory.searchPlaceholder')}
        value={text}
        maxLength={60}
        onChange={(e) => onText(e.target.value)}
        onPressEnter={onSearch}
        style={{ width: 240 }}
      />
      <RegionPicker
        data-testid="source-filter-region"
        allowClear
        placeholder={t('directory.anyRegion')}
        value={filters.region}
        onChange={(region) => onChange({ region })}
      />
      <Select<SourceCategory>
        data-testid="source-filter-category"
        allowClear
        placeholder={t('directory.anyCategory')}
        value={filters.category}
        onChange={(category) => onChange({ category })}
        options={SOURCE_CATEGORIES.map((c) => ({ value: c, label: t(`directory.categories.${c}`) }))}
        style={{ width: 170 }}
        popupMatchSelectWidth={false}
      />
      <Select<Department>
        data-testid="source-filter-department"
        allowClear
        placeholder={t('directory.anyDepartment')}
        value={filters.department}
        onChange={(department) => onChange({ department })}
        options={DEPARTMENTS.map((d) => ({ value: d, label: t(`departments.${d}`) }))}
        style={{ width: 150 }}
        popupMatchSelectWidth={false}
      />
      <Input
        data-testid="source-filter-industry"
        allowClear
        placeholder={t('directory.industryPlaceholder')}
        value={industry}
        maxLength={4}
        onChange={(e) => onIndustry(e.target.value.toUpperCase())}
        style={{ width: 130 }}
      />
      <Select<'true' | 'false'>
        data-testid="source-filter-credit"
        allowClear
        placeholder={t('directory.anyCreditCode')}
        value={filters.hasCreditCode}
        onChange={(hasCreditCode) => onChange({ hasCreditCode })}
        options={[
          { value: 'true', label: t('directory.withCreditCode') },
          { value: 'false', label: t('directory.withoutCreditCode') },
        ]}
        style={{ width: 150 }}
      />
      <Select<SourceState>
        data-testid="source-filter-state"
        value={filters.state ?? 'active'}
        onChange={(state) => onChange({ state })}
        options={SOURCE_STATES.map((s) => ({ value: s, label: t(`directory.states.${s}`) }))}
        style={{ width: 110 }}
      />
    </Space>
  );
}
