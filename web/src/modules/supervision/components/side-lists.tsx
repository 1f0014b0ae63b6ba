import { List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Case, ProgressRow } from '../utils/supervision-api.ts';

/** The laggards of the scope, worst first, with what drags them. */
export function LaggardList({ rows, linkTo }: { rows: ProgressRow[]; linkTo: (code: string) => string }) {
  const { t } = useTranslation();
  const laggards = rows.filter((r) => r.laggard).sort((a, b) => b.lagScore - a.lagScore);
  return (
    <List
      size="small"
      data-testid="supervision-laggards"
      dataSource={laggards}
      locale={{ emptyText: t('supervision.dashboard.noLaggards') }}
      renderItem={(r) => (
        <List.Item data-testid="laggard-item" data-code={r.code} extra={<Tag color="red">{r.lagScore}</Tag>}>
          <List.Item.Meta
            title={<Link to={linkTo(r.code)}>{r.name}</Link>}
            description={r.gaps.length ? r.gaps.map((g) => t(`supervision.gap.${g}`)).join('、') : undefined}
          />
        </List.Item>
      )}
    />
  );
}

/** The open cases the caller's office issued, each opening its page (built with the cases console). */
export function OpenCases({ cases, loading }: { cases: Case[]; loading: boolean }) {
  const { t } = useTranslation();
  return (
    <List
      size="small"
      loading={loading}
      data-testid="supervision-open-cases"
      dataSource={cases}
      locale={{ emptyText: t('supervision.dashboard.noCases') }}
      renderItem={(c) => (
        <List.Item data-testid="open-case" data-id={c.id}>
          <List.Item.Meta
            title={<Link to={`/supervision/cases/${c.id}`}>{c.number ?? `#${c.id}`} {c.title}</Link>}
            description={
              <Typography.Text type={c.overdue ? 'danger' : 'secondary'}>
                {t(`supervision.caseType.${c.type}`, { defaultValue: c.type })} · {c.target.name}
                {c.dueOn && ` · ${t('supervision.dashboard.due', { date: c.dueOn })}`}
              </Typography.Text>
            }
          />
        </List.Item>
      )}
    />
  );
}
