import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ArticleList } from './article-list.tsx';
import { DatasetsPanel } from './datasets-panel.tsx';
import { LinksPanel } from './links-panel.tsx';
import './portal.css';

const TABS = ['articles', 'links', 'datasets'] as const;
type Tab = (typeof TABS)[number];

/** /portal — 门户管理: the articles, the related links and the results datasets, one tab each (kept in ?tab=). */
export function PortalPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.find((x) => x === params.get('tab')) ?? 'articles';
  return (
    <div className="page">
      <Card size="small" title={t('portal.title')}>
        <Tabs
          activeKey={tab}
          onChange={(k) => setParams(k === 'articles' ? {} : { tab: k }, { replace: true })}
          items={[
            { key: 'articles', label: <span data-testid="portal-tab-articles">{t('portal.tabs.articles')}</span>, children: <ArticleList /> },
            { key: 'links', label: <span data-testid="portal-tab-links">{t('portal.tabs.links')}</span>, children: <LinksPanel /> },
            { key: 'datasets', label: <span data-testid="portal-tab-datasets">{t('portal.tabs.datasets')}</span>, children: <DatasetsPanel /> },
          ]}
        />
      </Card>
    </div>
  );
}
