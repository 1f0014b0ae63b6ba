// A region's totals as an XLSX workbook (汇总导出): the four tables of the totals page, one sheet
// each, figures in tonnes as stored (no rounding: the office sums them again in its own sheets).
// Small and bounded (pollutants × categories/divisions/children), so built in memory.
import ExcelJS from 'exceljs';
import { addSafeRow } from '../../../core/spreadsheet-safe.ts';
import { POLLUTANTS } from '../../survey/forms/code-tables/index.ts';
import { checkIndustryCode } from '../../directory/index.ts';
import type { TotalItem, Totals } from './totals.ts';

const CATEGORY: Record<string, string> = { industrial: '工业源', livestock: '畜禽规模养殖场', domestic: '生活源', centralised: '集中式污染治理设施', mobile: '移动源' };
const POLLUTANT = new Map(POLLUTANTS.map((p) => [p.code, p.zh]));
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };

const sum = (a: number, b: number) => Number((a + b).toPrecision(12));

function sheet(wb: ExcelJS.Workbook, name: string, keyHeader: string | null, items: TotalItem[], nameOf: (t: TotalItem) => string) {
  const ws = wb.addWorksheet(name);
  const head = [
    ...(keyHeader ? [keyHeader, '名称 name'] : []),
    '污染物代码 pollutant', '污染物 name', '排放量·已审核 emitted approved', '排放量·审核中 emitted in review', '排放量·合计 emitted total',
    '产生量·已审核 generated approved', '产生量·审核中 generated in review', '产生量·合计 generated total', '核算条数 figures', '单位 unit',
  ];
  ws.addRow(head).eachCell((c) => { c.font = { bold: true }; c.fill = HEADER_FILL; });
  for (const t of items) {
    addSafeRow(ws, [
      ...(keyHeader ? [t.key, nameOf(t)] : []),
      t.pollutant, POLLUTANT.get(t.pollutant) ?? t.pollutant,
      t.approved.emitted, t.review.emitted, sum(t.approved.emitted, t.review.emitted),
      t.approved.generated, t.review.generated, sum(t.approved.generated, t.review.generated), t.figures, 't',
    ]);
  }
  ws.columns.forEach((c, i) => { c.width = i < head.length ? Math.max(12, Math.min(36, head[i].length + 4)) : 12; });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}

/** Sheets pollutants, categories, industries, children — in that order. */
export async function totalsWorkbook(t: Totals): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Pucha';
  wb.title = `${t.region.name} 污染物排放汇总`;
  sheet(wb, 'pollutants', null, t.pollutants, () => '');
  sheet(wb, 'categories', '类别 category', t.byCategory, (x) => CATEGORY[x.key] ?? x.key);
  sheet(wb, 'industries', '行业大类 division', t.byIndustry, (x) => checkIndustryCode(x.key).name ?? '');
  sheet(wb, 'children', '区划代码 region', t.children, (x) => (x as TotalItem & { name?: string | null }).name ?? '');
  return Buffer.from(await wb.xlsx.writeBuffer());
}
