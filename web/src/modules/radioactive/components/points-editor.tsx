import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, Select, Table, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { NUCLIDES, POINT_KINDS, type Nuclide, type PointKind } from '../../../../../src/domains/radioactive/rules/screening.ts';
import { isBlock, pasteBlock } from '../utils/paste.ts';
import { emptyRow, type PointColumn, type PointRow } from '../utils/points.ts';

interface Props {
  rows: PointRow[];
  onChange: (rows: PointRow[]) => void;
  /** Messages per cell, keyed `<row>:<column>`; `<row>:` for the row as a whole. */
  problems: Map<string, string>;
}

/** The editable points table: one row per measured point, the nuclide columns in Bq/g. */
export function PointsEditor({ rows, onChange, problems }: Props) {
  const { t } = useTranslation();
  const update = (i: number, patch: Partial<PointRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const setNuclide = (i: number, n: Nuclide, v: string) => update(i, { nuclides: { ...rows[i].nuclides, [n]: v } });

  const cell = (i: number, column: PointColumn, value: string, set: (v: string) => void, width: number, testId: string) => {
    const problem = problems.get(`${i}:${column}`);
    const input = (
      <Input
        size="small"
        value={value}
        status={problem ? 'error' : undefined}
        style={{ width }}
        inputMode={column === 'label' ? undefined : 'decimal'}
        data-testid={testId}
        data-invalid={problem ? 'true' : undefined}
        onChange={(e) => set(e.target.value)}
        onPaste={(e) => {
          const text = e.clipboardData.getData('text/plain');
          if (!isBlock(text)) return;
          e.preventDefault();
          onChange(pasteBlock(rows, text, i, column));
        }}
      />
    );
    return problem ? <Tooltip title={problem}>{input}</Tooltip> : input;
  };

  const columns: ColumnsType<PointRow> = [
    {
      title: '#', key: 'n', width: 44, fixed: 'left',
      render: (_, __, i) => {
        const whole = problems.get(`${i}:`);
        return whole ? <Tooltip title={whole}><span style={{ color: '#cf1322' }} data-testid={`radio-point-${i}-problem`}>{i + 1}</span></Tooltip> : i + 1;
      },
    },
    { title: t('radioactive.measure.label'), key: 'label', width: 120, fixed: 'left', render: (_, r, i) => cell(i, 'label', r.label, (v) => update(i, { label: v }), 108, `radio-point-${i}-label`) },
    {
      title: t('radioactive.measure.kind'), key: 'kind', width: 110,
      render: (_, r, i) => (
        <Select<PointKind>
          size="small"
          value={r.kind}
          style={{ width: 98 }}
          data-testid={`radio-point-${i}-kind`}
          onChange={(k) => update(i, { kind: k })}
          options={POINT_KINDS.map((k) => ({ value: k, label: t(`radioactive.kinds.${k}`) }))}
        />
      ),
    },
    { title: t('radioactive.measure.lat'), key: 'lat', width: 100, render: (_, r, i) => cell(i, 'lat', r.lat, (v) => update(i, { lat: v }), 88, `radio-point-${i}-lat`) },
    { title: t('radioactive.measure.lng'), key: 'lng', width: 100, render: (_, r, i) => cell(i, 'lng', r.lng, (v) => update(i, { lng: v }), 88, `radio-point-${i}-lng`) },
    { title: t('radioactive.measure.dose'), key: 'dose', width: 130, render: (_, r, i) => cell(i, 'dose', r.dose, (v) => update(i, { dose: v }), 118, `radio-point-${i}-dose`) },
    ...NUCLIDES.map((n) => ({
      title: n, key: n, width: 84,
      render: (_: unknown, r: PointRow, i: number) => cell(i, n, r.nuclides[n] ?? '', (v) => setNuclide(i, n, v), 72, `radio-point-${i}-${n}`),
    })),
    {
      title: '', key: 'rm', width: 44, fixed: 'right',
      render: (_, __, i) => (
        <Tooltip title={t('radioactive.measure.removeRow')}>
          <Button size="small" type="text" icon={<DeleteOutlined />} data-testid={`radio-point-${i}-remove`} disabled={rows.length <= 1}
            onClick={() => onChange(rows.filter((_, j) => j !== i))} />
        </Tooltip>
      ),
    },
  ];

  return (
    <>
      <Table<PointRow> size="small" rowKey="key" data-testid="radio-points" dataSource={rows} columns={columns} pagination={false} scroll={{ x: 1200 }} />
      <Button className="block-gap" style={{ marginTop: 8 }} icon={<PlusOutlined />} data-testid="radio-point-add"
        onClick={() => onChange([...rows, emptyRow(rows[rows.length - 1]?.kind ?? 'ore')])}>
        {t('radioactive.measure.addRow')}
      </Button>
    </>
  );
}
