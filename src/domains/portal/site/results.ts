// 普查成果: a results page's figures as tables (pollutant × source category, by region) and bar
// charts drawn here as inline SVG (our markup, not an editor's), and the same figures as CSV
// (UTF-8 with BOM, for Excel) and XLSX downloads.
import ExcelJS from 'exceljs';
import { addSafeRow, csvLine } from '../../../core/spreadsheet-safe.ts';
import type { PortalLang } from '../../../core/db/schema-portal.ts';
import type { Figures } from '../datasets.ts';
import { html, type Html } from './html.ts';
import { T } from './i18n.ts';

const num = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });
const fmt = (v: number | undefined) => (v === undefined ? '—' : num.format(v));
const pName = (lang: PortalLang, p: Figures['pollutants'][number]) => (lang === 'en' ? p.nameEn : p.name);
const cName = (lang: PortalLang, c: { name: string; nameEn: string }) => (lang === 'en' ? c.nameEn : c.name);

/** One horizontal bar chart, scaled to its largest value. */
function barChart(title: string, id: string, rows: { label: string; value: number }[]): Html {
  const labelW = 200, barW = 360, rowH = 26, top = 8;
  const max = Math.max(...rows.map((r) => r.value), 0) || 1;
  const h = top * 2 + rows.length * rowH;
  return html`<figure class="chart">
<svg role="img" aria-labelledby="${id}" viewBox="0 0 ${labelW + barW + 110} ${h}" width="100%" xmlns="http://www.w3.org/2000/svg">
<title id="${id}">${title}</title>
${rows.map((r, i) => {
  const y = top + i * rowH;
  const w = Math.max(1, Math.round((r.value / max) * barW));
  return html`<text x="${labelW - 8}" y="${y + 17}" text-anchor="end" font-size="13" fill="#1a1a1a">${r.label}</text><rect x="${labelW}" y="${y + 4}" width="${w}" height="${rowH - 8}" fill="#1f5f99"></rect><text x="${labelW + w + 6}" y="${y + 17}" font-size="13" fill="#1a1a1a">${fmt(r.value)}</text>\n`;
})}
</svg>
<figcaption>${title}</figcaption>
</figure>`;
}

export function figuresSection(lang: PortalLang, f: Figures, downloads: { csv: string; xlsx: string }): Html {
  const t = T[lang].data;
  const ps = f.pollutants;
  return html`<section class="figures" aria-labelledby="figures-h">
<h2 id="figures-h">${t.title}</h2>
${f.provisional ? html`<p class="provisional" role="note"><strong>${t.provisional}</strong></p>` : ''}
<p>${lang === 'en' ? (f.region.nameEn ?? f.region.name) : f.region.name} · ${t.asOf} ${f.asOf.slice(0, 10)} · ${t.unit}</p>
<p class="downloads">${t.download}${T[lang].colon}<a href="${downloads.csv}">CSV</a> · <a href="${downloads.xlsx}">XLSX</a></p>
<div class="table-wrap"><table>
<caption>${t.byCategory}</caption>
<thead><tr><th scope="col">${t.category}</th>${ps.map((p) => html`<th scope="col">${pName(lang, p)}</th>`)}</tr></thead>
<tbody>
${f.categories.map((c) => html`<tr><th scope="row">${cName(lang, c)}</th>${ps.map((p) => html`<td>${fmt(f.byCategory[c.code]?.[p.code])}</td>`)}</tr>\n`)}
<tr class="total"><th scope="row">${t.total}</th>${ps.map((p) => html`<td>${fmt(f.total[p.code])}</td>`)}</tr>
</tbody></table></div>
${f.byProvince.length ? html`<div class="table-wrap"><table>
<caption>${t.byRegion}</caption>
<thead><tr><th scope="col">${t.region}</th>${ps.map((p) => html`<th scope="col">${pName(lang, p)}</th>`)}</tr></thead>
<tbody>
${f.byProvince.map((r) => html`<tr><th scope="row">${cName(lang, r)}</th>${ps.map((p) => html`<td>${fmt(r.values[p.code])}</td>`)}</tr>\n`)}
</tbody></table></div>` : ''}
${ps.map((p, i) => {
  const rows = f.byProvince.length
    ? f.byProvince.map((r) => ({ label: cName(lang, r), value: r.values[p.code] ?? 0 }))
    : f.categories.map((c) => ({ label: cName(lang, c), value: f.byCategory[c.code]?.[p.code] ?? 0 }));
  return rows.length ? barChart(t.chart(pName(lang, p)), `chart-${i}`, rows) : '';
})}
</section>`;
}

/** The figures as rows: one per (part, category or region, pollutant). */
function rows(lang: PortalLang, f: Figures): (string | number)[][] {
  const t = T[lang].data;
  const out: (string | number)[][] = [];
  for (const p of f.pollutants) {
    for (const c of f.categories) {
      const v = f.byCategory[c.code]?.[p.code];
      if (v !== undefined) out.push([t.byCategory, c.code, cName(lang, c), p.code, pName(lang, p), p.unit, v]);
    }
    if (f.total[p.code] !== undefined) out.push([t.byCategory, '*', t.total, p.code, pName(lang, p), p.unit, f.total[p.code]]);
    for (const r of f.byProvince) if (r.values[p.code] !== undefined) out.push([t.byRegion, r.code, cName(lang, r), p.code, pName(lang, p), p.unit, r.values[p.code]]);
  }
  return out;
}

const HEAD = {
  zh: ['分组', '代码', '名称', '污染物代码', '污染物', '单位', '排放量'],
  en: ['part', 'code', 'name', 'pollutant_code', 'pollutant', 'unit', 'emitted'],
};

export function figuresCsv(lang: PortalLang, f: Figures): string {
  return '\uFEFF' + [HEAD[lang], ...rows(lang, f)].map(csvLine).join('\r\n') + '\r\n';
}

export async function figuresXlsx(lang: PortalLang, f: Figures, title: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.title = title;
  const ws = wb.addWorksheet(lang === 'en' ? 'Figures' : '数据');
  ws.addRow(HEAD[lang]).font = { bold: true };
  // Names come from the data: formula-like ones are written as text (core/spreadsheet-safe).
  for (const r of rows(lang, f)) addSafeRow(ws, r);
  ws.columns.forEach((c, i) => (c.width = [12, 10, 24, 14, 16, 6, 14][i]));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
