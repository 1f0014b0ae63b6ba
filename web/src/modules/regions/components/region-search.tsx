import { LoadingOutlined, SearchOutlined } from '@ant-design/icons';
import { Empty, Input, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../../ui/hooks/use-debounced-value.ts';
import { useRegionSearch } from '../hooks/use-region-search.ts';

/** Finds regions by name, pinyin, initials or code; a click opens one. */
export function RegionSearch({ onOpen }: { onOpen: (code: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [submitted, setSubmitted] = useState('');
  const debounced = useDebouncedValue(text, 300);
  // Enter searches at once; typing searches after a pause.
  const q = submitted === text ? submitted : debounced;
  const results = useRegionSearch(q, 30);

  return (
    <div className="region-search">
      <Input
        data-testid="region-search"
        allowClear
        prefix={<SearchOutlined />}
        suffix={results.isFetching ? <LoadingOutlined /> : <span />}
        placeholder={t('regions.searchPlaceholder')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onPressEnter={() => setSubmitted(text)}
      />
      {q.trim() && (
        <div className="region-search-results" data-testid="region-search-results">
          {results.isPending ? (
            <Spin size="small" />
          ) : results.data && results.data.length > 0 ? (
            results.data.map((r) => (
              <button
                type="button"
                key={r.code}
                className="region-search-result"
                data-testid="region-search-result"
                data-code={r.code}
                onClick={() => onOpen(r.code)}
              >
                <span>{r.name}</span>
                <span>
                  <Tag>{t(`levels.${r.level}`)}</Tag>
                  <Typography.Text type="secondary" className="option-code">{r.code}</Typography.Text>
                </span>
              </button>
            ))
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('regions.noResults')} />
          )}
        </div>
      )}
    </div>
  );
}
