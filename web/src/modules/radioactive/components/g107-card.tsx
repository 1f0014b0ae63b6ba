import { Card, Descriptions, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { RADIOACTIVE_MATERIAL_KINDS } from '../../../../../src/domains/survey/forms/code-tables/industrial.ts';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { useMineralName } from '../hooks/use-mineral-name.ts';
import type { G107, G107Material } from '../utils/radioactive-api.ts';

const show = (v: number | string | null | undefined) => (v === null || v === undefined || v === '' ? '—' : String(v));

/** The values the enterprise's form G107 takes from the latest initial measurement. */
export function G107Card({ g107 }: { g107: G107 | null | undefined }) {
  const { t } = useTranslation();
  const mineralName = useMineralName();
  const lang = useLang();
  // The server gives G107's own material kinds (ore, concentrate, tailings …), named by the form's code table.
  const kindName = (k: string) => RADIOACTIVE_MATERIAL_KINDS.entries.find((e) => e.code === k)?.[lang] ?? k;
  return (
    <Card size="small" className="block-gap" data-testid="radio-g107" title={t('radioactive.enterprise.g107')} extra={<Typography.Text type="secondary">{t('radioactive.enterprise.g107Hint')}</Typography.Text>}>
      {!g107 ? (
        <Typography.Text type="secondary">{t('radioactive.enterprise.noG107')}</Typography.Text>
      ) : (
        <>
          <Descriptions
            size="small"
            column={2}
            items={[
              { key: 'mineral', label: t('radioactive.enterprise.g107Mineral'), children: <span data-testid="radio-g107-mineral">{g107.mineral ? mineralName(g107.mineral) : '—'}</span> },
              { key: 'bg', label: t('radioactive.enterprise.g107Background'), children: <span data-testid="radio-g107-background">{show(g107.backgroundDose)}</span> },
            ]}
          />
          <Table<G107Material>
            size="small"
            rowKey={(m, i) => `${m.kind}-${m.name}-${i}`}
            dataSource={g107.materials ?? []}
            pagination={false}
            data-testid="radio-g107-materials"
            columns={[
              { title: t('radioactive.enterprise.g107Kind'), dataIndex: 'kind', width: 110, render: kindName },
              { title: t('radioactive.enterprise.g107Name'), dataIndex: 'name' },
              { title: t('radioactive.enterprise.g107Activity'), dataIndex: 'activity', width: 200, align: 'right', render: show },
              { title: t('radioactive.enterprise.g107Dose'), dataIndex: 'doseRate', width: 160, align: 'right', render: show },
            ]}
          />
        </>
      )}
    </Card>
  );
}
