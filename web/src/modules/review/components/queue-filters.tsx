import { InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { ISSUE_FILTERS, type IssueFilter, type QueueFilter } from '../../../api/review-types.ts';
import { RegionPicker } from '../../regions/components/region-picker.tsx';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { formOptions } from '../utils/form-names.ts';

interface Props {
  filter: QueueFilter;
  onChange: (f: Partial<QueueFilter>) => void;
}

/** Form, township, issues and minimum age of the review queue. */
export function QueueFilters({ filter, onChange }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Space wrap className="filters">
      <Select<string>
        data-testid="queue-filter-form"
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('review.queue.anyForm')}
        value={filter.form}
        onChange={(form) => onChange({ form })}
        options={formOptions(lang)}
        style={{ width: 260 }}
        popupMatchSelectWidth={false}
      />
      <RegionPicker data-testid="queue-filter-township" allowClear placeholder={t('review.queue.anyTownship')} value={filter.township} onChange={(township) => onChange({ township })} />
      <Select<IssueFilter>
        data-testid="queue-filter-issues"
        allowClear
        placeholder={t('review.queue.anyIssues')}
        value={filter.issues}
        onChange={(issues) => onChange({ issues })}
        options={ISSUE_FILTERS.map((i) => ({ value: i, label: t(`review.queue.issues.${i}`) }))}
        style={{ width: 170 }}
      />
      <InputNumber<number>
        data-testid="queue-filter-age"
        min={1}
        max={3650}
        precision={0}
        placeholder={t('review.queue.minAge')}
        value={filter.minAgeDays ?? null}
        onChange={(v) => onChange({ minAgeDays: v ?? undefined })}
        style={{ width: 130 }}
      />
    </Space>
  );
}
