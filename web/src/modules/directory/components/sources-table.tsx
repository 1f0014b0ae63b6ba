import { Table, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { Source } from '../../../api/types.ts';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { DepartmentTags } from './department-tags.tsx';
import { SourceStateTag } from './source-state-tag.tsx';

interface Props {
  items: Source[];
  loading: boolean;
  /** The source whose drawer is open, highlighted. */
  openId?: number;
  onOpen: (s: Source) => void;
}

const text = (v: string | null) => v ?? '';

/** The sources of the directory; a click on a row opens it. */
export function SourcesTable({ items, loading, openId, onOpen }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const cell = (width: number) => ({ width, ellipsis: { showTitle: true }, render: text });
  return (
    <Table<Source>
      data-testid="sources-table"
      size="small"
      rowKey="id"
      loading={loading}
      dataSource={items}
      pagination={false}
      scroll={{ x: lang === 'en' ? 1550 : 1450 }}
      rowClassName={(s) => `clickable-row${s.id === openId ? ' row-focus' : ''}`}
      onRow={(s) =>
        ({
          'data-testid': `source-row-${s.id}`,
          'data-state': s.state,
          onClick: () => onOpen(s),
        }) as HTMLAttributes<HTMLElement>
      }
      columns={[
        { title: '#', dataIndex: 'id', width: 64 },
        {
          title: t('directory.fields.name'),
          key: 'name',
          width: 260,
          render: (_, s) => (
            <span>
              <Typography.Link data-testid="source-name">{s.name}</Typography.Link>
              {'similarity' in s && typeof s.similarity === 'number' && (
                <Tag color="blue" className="inline-tag" data-testid="source-similarity">
                  {t('directory.similar.score', { score: Math.round(s.similarity * 100) })}
                </Tag>
              )}
              {s.origin === 'supplement' && (
                <Tag color="magenta" className="inline-tag">
                  {t('directory.supplementTag')}
                </Tag>
              )}
            </span>
          ),
        },
        { title: t('directory.fields.departments'), key: 'departments', width: lang === 'en' ? 360 : 270, render: (_, s) => <DepartmentTags departments={s.departments} /> },
        { title: t('directory.fields.creditCode'), dataIndex: 'creditCode', width: 180, render: (v: string | null) => <span className="option-code">{v ?? ''}</span> },
        { title: t('directory.fields.address'), dataIndex: 'address', ...cell(240) },
        { title: t('directory.fields.legalRep'), dataIndex: 'legalRep', ...cell(100) },
        { title: t('directory.fields.industryCode'), dataIndex: 'industryCode', ...cell(80) },
        { title: t('directory.fields.category'), dataIndex: 'category', width: 120, render: (c: Source['category']) => t(`directory.categories.${c}`) },
        { title: t('directory.fields.regionCode'), dataIndex: 'regionName', width: 110, ellipsis: true },
        ...(items.some((s) => s.state !== 'active')
          ? [{ title: t('directory.fields.state'), key: 'state', width: 150, render: (_: unknown, s: Source) => <SourceStateTag source={s} /> }]
          : []),
      ]}
    />
  );
}
