import { Table, Tag } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { LinkRule, SourceRegisterRow } from '../../../api/types.ts';
import { useLang } from '../../ui/hooks/use-lang.ts';

const RULE_COLOURS: Record<LinkRule, string> = { new: 'blue', 'credit-code': 'green', score: 'gold', manual: 'purple', merge: 'cyan' };

const text = (v: string | null) => v ?? '';

export interface RowSelection {
  selected: string[];
  onChange: (keys: string[]) => void;
}

/**
 * The register rows behind a source: which department's file, which row, and how
 * the row was linked. With `selection`, rows can be ticked (to split them off).
 */
export function SourceProvenanceTable({ rows, selection }: { rows: SourceRegisterRow[]; selection?: RowSelection }) {
  const { t } = useTranslation();
  const lang = useLang();
  const cell = (width: number) => ({ width, ellipsis: { showTitle: true }, render: text });
  return (
    <Table<SourceRegisterRow>
      data-testid="source-provenance"
      size="small"
      rowKey={(r) => `${r.registerId}:${r.rowNumber}`}
      dataSource={rows}
      pagination={false}
      rowSelection={
        selection && {
          selectedRowKeys: selection.selected,
          onChange: (keys) => selection.onChange(keys.map(String)),
          getCheckboxProps: (r) => ({ 'data-testid': `provenance-select-${r.registerId}-${r.rowNumber}` }) as object,
        }
      }
      scroll={{ x: 1250 }}
      locale={{ emptyText: t('directory.provenanceEmpty') }}
      onRow={(r) => ({ 'data-testid': `provenance-row-${r.registerId}-${r.rowNumber}`, 'data-rule': r.rule }) as HTMLAttributes<HTMLElement>}
      columns={[
        { title: t('registers.department'), dataIndex: 'department', width: lang === 'en' ? 150 : 90, render: (d: SourceRegisterRow['department']) => t(`departments.${d}`, { defaultValue: d }) },
        { title: t('directory.file'), dataIndex: 'fileName', ...cell(200) },
        { title: t('directory.rowNumber'), dataIndex: 'rowNumber', width: 60 },
        {
          title: t('directory.rule'),
          dataIndex: 'rule',
          width: 110,
          render: (r: LinkRule) => <Tag color={RULE_COLOURS[r] ?? 'default'}>{t(`directory.rules.${r}`, { defaultValue: r })}</Tag>,
        },
        { title: t('directory.fields.name'), dataIndex: 'name', ...cell(200) },
        { title: t('directory.fields.creditCode'), dataIndex: 'creditCode', width: 175, render: (v: string | null) => <span className="option-code">{v ?? ''}</span> },
        { title: t('directory.fields.address'), dataIndex: 'address', ...cell(200) },
        { title: t('directory.fields.legalRep'), dataIndex: 'legalRep', ...cell(90) },
        { title: t('directory.fields.phone'), dataIndex: 'phone', ...cell(120) },
        { title: t('directory.fields.industryCode'), dataIndex: 'industryCode', ...cell(70) },
      ]}
    />
  );
}
