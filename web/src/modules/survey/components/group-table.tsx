import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { Row, Scope } from '../../../../../src/domains/survey/engine/index.ts';
import type { GroupField } from '../../../../../src/domains/survey/forms/index.ts';
import { useFormContext } from '../contexts/form-context.ts';
import { anchorId, getAt, joinPath, rowPath, rowsAt } from '../utils/answer-paths.ts';
import { levelStates, rowScope, type FieldState } from '../utils/field-state.ts';
import { issuesAt, severityOf } from '../utils/verdict.ts';
import { FieldControl } from './field-control.tsx';
import { IssueNotes } from './issue-notes.tsx';

interface Props {
  state: FieldState;
  /** The group's path: `boilers`, or `outlets[0].results` inside a row. */
  path: string;
  parent: Scope;
  nested?: boolean;
}

interface RowItem {
  index: number;
  path: string;
  states: FieldState[];
  scope: Scope;
}

const WIDTH: Record<string, number> = { text: 150, integer: 120, decimal: 130, code: 170, boolean: 96, date: 140, period: 240, coordinates: 230, file: 160 };

/** A repeat group as an editable table: a row per entry, add and remove, capped at maxRows. */
export function GroupTable({ state, path, parent, nested }: Props) {
  const { t } = useTranslation();
  const ctx = useFormContext();
  const { form, answers, values, env, verdict, lang, onAddRow, onRemoveRow } = ctx;
  // Rows are added and removed only when the group itself may change.
  const readOnly = ctx.readOnly || !!ctx.fieldLocked?.(path);
  const def = state.def as GroupField;
  const level = state.field.level!;
  const rows = rowsAt(answers, path);
  const valueRows = getAt(values, path);
  const items: RowItem[] = rows.map((_, index) => {
    const scope = rowScope(level, Array.isArray(valueRows) ? (valueRows[index] as Row | undefined) : undefined, parent);
    return { index, path: rowPath(path, index), scope, states: levelStates(level, scope, env) };
  });
  const plain = level.fields.filter((f) => f.def.type !== 'group');
  const groups = level.fields.filter((f) => f.def.type === 'group');
  const full = rows.length >= def.maxRows;
  const label = lang === 'en' ? def.label.en : def.label.zh;
  // Issues of the group itself, and of whole rows (none of their fields).
  const ownIssues = [...issuesAt(verdict, path), ...rows.flatMap((_, i) => issuesAt(verdict, rowPath(path, i)))];

  const columns: ColumnsType<RowItem> = [
    { title: '#', key: 'n', width: 44, fixed: 'left', render: (_, r) => <span id={anchorId(form.code, r.path)}>{r.index + 1}</span> },
    ...plain.map((f, col) => ({
      key: f.id,
      width: WIDTH[f.def.type] ?? 140,
      title: (
        <span className="sf-col-title">
          {f.required === true && <span className="sf-required">*</span>}
          {lang === 'en' ? f.def.label.en : f.def.label.zh}
        </span>
      ),
      render: (_: unknown, r: RowItem) => {
        const s = r.states[level.fields.indexOf(f)];
        const p = joinPath(r.path, f.id);
        if (!s.relevant) return <span className="muted" data-testid={`sf-field-${p}`} data-irrelevant>—</span>;
        return (
          <div id={anchorId(form.code, p)} className="sf-cell" data-testid={`sf-field-${p}`} data-col={col} data-severity={severityOf(issuesAt(verdict, p))}>
            <FieldControl state={s} path={p} prefix={r.path} compact />
          </div>
        );
      },
    })),
    ...(readOnly
      ? []
      : [{
          key: 'remove',
          width: 48,
          fixed: 'right' as const,
          render: (_: unknown, r: RowItem) => (
            <Button size="small" type="text" danger icon={<DeleteOutlined />} title={t('survey.removeRow')} aria-label={t('survey.removeRow')} data-testid={`sf-remove-${r.path}`} onClick={() => onRemoveRow(path, r.index)} />
          ),
        }]),
  ];

  const table = (
    <>
      {ownIssues.length > 0 && <IssueNotes issues={ownIssues} />}
      <Table<RowItem>
        size="small"
        className="sf-table"
        rowKey="index"
        pagination={false}
        dataSource={items}
        columns={columns}
        scroll={{ x: 44 + 48 + plain.reduce((n, f) => n + (WIDTH[f.def.type] ?? 140), 0) }}
        expandable={
          groups.length
            ? {
                showExpandColumn: false,
                expandedRowKeys: items.map((r) => r.index),
                expandedRowRender: (r) =>
                  groups.map((g) => {
                    const s = r.states[level.fields.indexOf(g)];
                    return s.relevant ? <GroupTable key={g.id} state={s} path={joinPath(r.path, g.id)} parent={r.scope} nested /> : null;
                  }),
              }
            : undefined
        }
      />
      {!readOnly && (
        <Button size="small" type="dashed" icon={<PlusOutlined />} disabled={full} onClick={() => onAddRow(path)} data-testid={`sf-add-${path}`} className="sf-add">
          {t('survey.addRow')}
        </Button>
      )}
    </>
  );

  const extra = (
    <span className="muted">
      {t('survey.rows', { count: rows.length })} · {t('survey.maxRows', { max: def.maxRows })}
      {def.minRows ? ` · ${t('survey.minRows', { min: def.minRows })}` : ''}
    </span>
  );
  return (
    <div id={anchorId(form.code, path)} data-testid={`sf-group-${path}`} data-rows={rows.length}>
      {nested ? (
        <div className="sf-nested">
          <div className="sf-nested-title">
            {state.required && <span className="sf-required">*</span>}
            {label} {extra}
          </div>
          {table}
        </div>
      ) : (
        <Card size="small" className="sf-section" title={<span>{state.required && <span className="sf-required">*</span>}{label} {full && <Tag>{t('survey.maxRows', { max: def.maxRows })}</Tag>}</span>} extra={extra}>
          {table}
        </Card>
      )}
    </div>
  );
}
