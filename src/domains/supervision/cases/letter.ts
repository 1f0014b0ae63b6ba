// The printable letter of a case (督办函 and its kin): server-rendered HTML, every value escaped,
// an A4 print stylesheet; the office prints it or saves it as PDF from the browser. No inline
// script or handler: the CSP (script-src 'self') blocks them, so the page says how to print.
import { CASE_NAMES } from '../rules/cases.ts';
import type { caseView } from './cases.ts';

const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const paras = (s: string) => s.split(/\n+/).filter((x) => x.trim()).map((x) => `<p>${esc(x)}</p>`).join('');

export function letterHtml(c: ReturnType<typeof caseView>, issuedOn: string): string {
  const name = CASE_NAMES[c.type];
  const issuer = c.issuer.code === '100000' ? '第二次全国污染源普查领导小组办公室' : `${c.issuer.name}第二次全国污染源普查领导小组办公室`;
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(c.number)} ${esc(c.title)}</title>
<style>
@page { size: A4; margin: 25mm 22mm; }
body { font-family: "FangSong", "STFangsong", "Noto Serif CJK SC", serif; font-size: 16pt; line-height: 1.8; color: #000; max-width: 170mm; margin: 0 auto; }
h1 { font-family: "SimHei", "Noto Sans CJK SC", sans-serif; color: #c00; text-align: center; font-size: 24pt; letter-spacing: 2pt; margin: 0 0 8pt; }
.no { text-align: center; margin-bottom: 12pt; } hr { border: 0; border-top: 2pt solid #c00; margin-bottom: 18pt; }
h2 { text-align: center; font-size: 18pt; } h3 { font-size: 16pt; margin: 12pt 0 0; }
.sign { text-align: right; margin-top: 36pt; } .en { color: #555; font-size: 10pt; margin-top: 24pt; }
@media screen { body { margin-top: 24px; } .print { position: fixed; top: 8px; right: 8px; margin: 0; font-size: 12pt; color: #555; } }
@media print { .print { display: none; } }
</style></head><body>
<p class="print">按 Ctrl+P（⌘P）打印 · press Ctrl+P to print</p>
<h1>${esc(issuer)}</h1>
<div class="no">${esc(c.number)}</div><hr>
<h2>${esc(c.title)}</h2>
<p>${esc(c.target.name)}第二次全国污染源普查领导小组办公室：</p>
<h3>一、${c.type === 'praise' ? '表扬事由' : '存在问题'}</h3>${paras(c.reasons)}
${c.measures ? `<h3>二、整改要求</h3>${paras(c.measures)}` : ''}
${c.dueOn ? `<p>请于 <b>${esc(c.dueOn)}</b> 前将${c.type === 'praise' ? '' : '整改措施和'}落实情况书面报送我办，并上传证明材料。</p>` : ''}
<div class="sign"><p>${esc(issuer)}</p><p>${esc(issuedOn)}</p></div>
<p class="en">${esc(name.en)} ${esc(c.number)} · from ${esc(c.issuer.name)} to ${esc(c.target.name)}${c.dueOn ? ` · answer due ${esc(c.dueOn)}` : ''} · status ${esc(c.status)}</p>
</body></html>`;
}
