import { BranchesOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useNavigate, useParams } from 'react-router-dom';
import { useCan } from '../../auth/hooks/use-can.ts';
import { LoadMoreButton } from '../../ui/components/load-more-button.tsx';
import { QueryErrorAlert } from '../../ui/components/query-error-alert.tsx';
import { useDebouncedValue } from '../../ui/hooks/use-debounced-value.ts';
import { useSimilarSources } from '../hooks/use-similar-sources.ts';
import { useSourceList, type SourceFilters } from '../hooks/use-source-list.ts';
import { DirectoryExportMenu } from './directory-export-menu.tsx';
import { DirectoryFilters } from './directory-filters.tsx';
import { DirectoryMatchButton } from './directory-match-button.tsx';
import { DirectorySignOffButton } from './directory-signoff-button.tsx';
import { SourceSupplementButton } from './source-supplement-button.tsx';
import { SourcesTable } from './sources-table.tsx';

/** What the server accepts as an industry filter: a section letter and up to three digits, or digits. */
const INDUSTRY = /^[A-T0-9][0-9]{0,3}$/;

/** 名录库: the sources matched from the department registers, plus those supplemented by hand. */
export function DirectoryPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const openId = Number(useParams().id) || undefined;
  const [filters, setFilters] = useState<Omit<SourceFilters, 'q' | 'industry'>>({});
  const [text, setText] = useState('');
  const [entered, setEntered] = useState('');
  const [industryText, setIndustryText] = useState('');
  const debounced = useDebouncedValue(text, 400);
  const industry = useDebouncedValue(industryText.trim(), 400);
  // Enter searches at once; typing searches after a pause.
  const q = (entered === text ? entered : debounced).trim() || undefined;
  const shown = { ...filters, q, industry: INDUSTRY.test(industry) ? industry : undefined };
  const list = useSourceList(shown);
  // A name search that finds nothing asks for similar names (a typo, a swapped or missing character).
  const exactEmpty = !!q && !list.isPending && !list.isFetching && !list.error && list.items.length === 0;
  const similar = useSimilarSources(shown, exactEmpty);
  const similarItems = exactEmpty ? (similar.data?.items ?? []) : [];
  const writable = can('directory.write');

  return (
    <div className="page">
      <Card
        size="small"
        title={t('directory.title')}
        extra={
          <Space wrap>
            <Button icon={<ReloadOutlined />} onClick={() => void list.refetch()} data-testid="directory-refresh">
              {t('common.refresh')}
            </Button>
            <Button icon={<BranchesOutlined />} onClick={() => navigate('/directory/queue')} data-testid="directory-open-queue">
              {t('nav.merge-queue')}
            </Button>
            <DirectoryExportMenu region={filters.region} />
            <DirectorySignOffButton />
            {writable && <DirectoryMatchButton />}
            {writable && <SourceSupplementButton onCreated={(s) => navigate(`/directory/${s.id}`)} />}
          </Space>
        }
      >
        <DirectoryFilters
          filters={filters}
          onChange={(f) => setFilters((prev) => ({ ...prev, ...f }))}
          text={text}
          onText={setText}
          onSearch={() => setEntered(text)}
          industry={industryText}
          onIndustry={setIndustryText}
        />
        <QueryErrorAlert error={list.error} onRetry={list.refetch} />
        {similarItems.length > 0 && (
          <Alert className="block-gap" type="info" showIcon data-testid="directory-similar" title={t('directory.similar.title')} description={t('directory.similar.hint', { q })} />
        )}
        <SourcesTable
          items={similarItems.length > 0 ? similarItems : list.items}
          loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)}
          openId={openId}
          onOpen={(s) => navigate(`/directory/${s.id}`)}
        />
        <LoadMoreButton
          hasNextPage={list.hasNextPage}
          isFetchingNextPage={list.isFetchingNextPage}
          fetchNextPage={list.fetchNextPage}
          shown={list.items.length}
          testId="directory-load-more"
        />
      </Card>
      <Suspense fallback={null}>
        <Outlet />
      </Suspense>
    </div>
  );
}
