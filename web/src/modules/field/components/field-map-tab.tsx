import { Breadcrumb, Card, Descriptions, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/hooks/use-session.ts';
import { useRegion } from '../../regions/hooks/use-region.ts';

/** The field worker's area: where they work, from the nation down to their region. */
export function FieldMapTab() {
  const { t } = useTranslation();
  const session = useSession();
  const region = useRegion(session.regionCode);
  return (
    <Card title={t('field.mapTitle')} size="small">
      {region.isPending ? (
        <Spin />
      ) : (
        <>
          {region.data && <Breadcrumb className="block-gap" items={region.data.path.map((p) => ({ key: p.code, title: p.name }))} />}
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'name', label: t('regions.name'), children: session.regionName },
              { key: 'code', label: t('regions.code'), children: session.regionCode },
              ...(region.data ? [{ key: 'level', label: t('regions.level'), children: <Tag>{t(`levels.${region.data.level}`)}</Tag> }] : []),
            ]}
          />
          <Typography.Paragraph type="secondary">{t('field.mapHint')}</Typography.Paragraph>
        </>
      )}
    </Card>
  );
}
