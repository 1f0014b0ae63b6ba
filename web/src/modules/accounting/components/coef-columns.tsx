import type { TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import type { CoefRow } from '../../../api/accounting-types.ts';
import type { accounting } from '../../../i18n/zh/accounting.ts';

type Key = Exclude<keyof typeof accounting.coefficients, 'statuses'>;
const c = <K extends Key>(k: K) => `accounting.coefficients.${k}` as const;
const dash = (v: string | number | null) => (v === null || v === '' ? '—' : v);

/** The columns of a library row, shared by the rows table and the diff. */
export function coefColumns(t: TFunction): TableColumnsType<CoefRow> {
  return [
    { title: t(c('rowNo')), dataIndex: 'rowNo', width: 60 },
    { title: t(c('industry')), dataIndex: 'industryCode', width: 70 },
    { title: t(c('product')), dataIndex: 'product', render: dash },
    { title: t(c('material')), dataIndex: 'material', render: dash },
    { title: t(c('process')), dataIndex: 'process', render: dash },
    { title: t(c('scale')), dataIndex: 'scale', render: dash },
    { title: t(c('pollutant')), dataIndex: 'pollutant', width: 80 },
    { title: t(c('genCoefficient')), key: 'gen', render: (_, r) => <code>{r.genFormula ?? r.genCoefficient}</code> },
    { title: t(c('coefficientUnit')), dataIndex: 'coefficientUnit', width: 90 },
    { title: t(c('treatment')), dataIndex: 'treatment', width: 80, render: dash },
    { title: t(c('efficiency')), dataIndex: 'efficiency', width: 90, render: dash },
    { title: t(c('dischargeCoefficient')), dataIndex: 'dischargeCoefficient', width: 90, render: dash },
    { title: t(c('opParams')), key: 'op', render: (_, r) => dash(r.opParams.join('；')) },
  ];
}
