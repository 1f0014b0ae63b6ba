import { Card, Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useSession } from '../../auth/hooks/use-session.ts';
import { RegionDetails } from './region-details.tsx';
import { RegionSearch } from './region-search.tsx';
import { RegionTree } from './region-tree.tsx';

/** Tree and search on the left, the chosen region on the right; ?code= keeps the choice linkable. */
export function RegionsPage() {
  const { t } = useTranslation();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const selected = params.get('code') ?? undefined;
  const open = (code: string) => setParams({ code }, { replace: false });

  return (
    <div className="page">
      <Row gutter={16}>
        <Col xs={24} lg={10} xl={9}>
          <Card title={t('regions.tree')} size="small" className="block-gap">
            <RegionSearch onOpen={open} />
            <RegionTree rootCode={session.regionCode} selected={selected} onSelect={open} />
          </Card>
        </Col>
        <Col xs={24} lg={14} xl={15}>
          <Card title={t('regions.details')} size="small">
            <RegionDetails code={selected} scopeCode={session.regionCode} onOpen={open} />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
