import { Descriptions, Drawer, Empty, List, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { splitFormPath, type Figure } from '../utils/emissions-api.ts';
import { pollutantName } from '../utils/pollutant-units.ts';

interface Props {
  sourceId: number;
  figure: Figure | null;
  onClose: () => void;
}

/** Where a figure comes from: the method, the form fields read (each opening its form), k, the coefficients, the monitoring record and the monitoring data set aside. */
export function LineagePanel({ sourceId, figure, onClose }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const l = figure?.lineage;
  const formLink = (p: string, testId: string) => {
    const { form, path } = splitFormPath(p);
    return (
      <Link to={`/survey/sources/${sourceId}?form=${encodeURIComponent(form)}`} data-testid={testId} data-path={p}>
        <code>{form}</code> {path}
      </Link>
    );
  };
  const none = t('emissions.lineage.none');
  return (
    <Drawer
      open={!!figure}
      onClose={onClose}
      size="large"
      title={figure ? t('emissions.lineage.title', { outlet: figure.outletCode, pollutant: pollutantName(figure.pollutant, lang) }) : ''}
      destroyOnHidden
    >
      {l && (
        <div data-testid="lineage-panel" data-method={l.method}>
          <Descriptions size="small" column={1} bordered items={[
            { key: 'method', label: t('emissions.lineage.method'), children: <span data-testid="lineage-method">{t(`emissions.methods.${l.method}`)}</span> },
            {
              key: 'paths', label: t('emissions.lineage.paths'),
              children: <List size="small" dataSource={l.paths} renderItem={(p) => <List.Item>{formLink(p, 'lineage-path')}</List.Item>} />,
            },
            {
              key: 'revisions', label: t('emissions.lineage.revisions'),
              children: l.revisions && Object.keys(l.revisions).length ? Object.entries(l.revisions).map(([f, r]) => <Tag key={f}>{f} · r{r}</Tag>) : none,
            },
            {
              key: 'monitoring', label: t('emissions.lineage.monitoring'),
              children: l.monitoring ? (
                <span data-testid="lineage-monitoring">
                  {formLink(`${l.monitoring.form}:${l.monitoring.path}`, 'lineage-monitoring-path')}
                  {' · '}{t(`emissions.lineage.kind.${l.monitoring.kind}`, { defaultValue: l.monitoring.kind })}
                  {l.monitoring.captureRate !== null && ` · ${t('emissions.lineage.capture', { rate: l.monitoring.captureRate })}`}
                </span>
              ) : none,
            },
            {
              key: 'k', label: t('emissions.lineage.k'),
              children: l.k.length ? l.k.map((k, i) => <Tag key={i} data-testid="lineage-k">{k.k} · {t(`emissions.lineage.kSource.${k.source}`)}</Tag>) : none,
            },
            {
              key: 'coefficients', label: t('emissions.lineage.coefficients'),
              children: l.coefficients.length ? (
                <List size="small" dataSource={l.coefficients} renderItem={(c) => (
                  <List.Item data-testid="lineage-coefficient">
                    {formLink(c.path, 'lineage-coefficient-path')}
                    <span>{c.source === 'library' ? t('emissions.lineage.fromLibrary', { version: c.versionId, row: c.rowNo }) : t('emissions.lineage.fromForm')}</span>
                  </List.Item>
                )} />
              ) : none,
            },
            {
              key: 'rejected', label: t('emissions.lineage.rejected'),
              children: l.rejectedMonitoring.length ? (
                <List size="small" dataSource={l.rejectedMonitoring} renderItem={(r) => (
                  <List.Item data-testid="lineage-rejected" data-reason={r.reason}>
                    {formLink(`${r.form}:${r.path}`, 'lineage-rejected-path')}
                    <span>{t(`emissions.lineage.reason.${r.reason}`, { defaultValue: r.reason })}</span>
                  </List.Item>
                )} />
              ) : none,
            },
            ...(l.notes?.length ? [{
              key: 'notes', label: t('emissions.lineage.notes'),
              children: <List size="small" dataSource={l.notes} renderItem={(n) => <List.Item data-testid="lineage-note">{n}</List.Item>} />,
            }] : []),
          ]} />
        </div>
      )}
      {figure && !l && <Empty />}
    </Drawer>
  );
}
