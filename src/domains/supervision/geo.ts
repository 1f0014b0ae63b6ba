// Boundaries for the ECharts map: the nation's provinces and each province's prefectures, taken
// from the maps echarts 4.9.0 shipped (npm alias `echarts-maps`, ECharts' compressed GeoJSON).
// They are a placeholder: a map published in China needs an approval number (审图号), so an
// office replaces these files with its approved base map. Each feature is given the official
// code and name of its region, so the page joins figures by code whatever names the file uses.
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Db } from '../../core/db/index.ts';
import { AppError } from '../../core/errors.ts';
import type { Actor } from '../access/index.ts';
import { children } from './metrics.sql.ts';
import { scopedRegion } from './progress.ts';

const FILES: Record<string, string> = {
  '11': 'beijing', '12': 'tianjin', '13': 'hebei', '14': 'shanxi', '15': 'neimenggu', '21': 'liaoning', '22': 'jilin', '23': 'heilongjiang',
  '31': 'shanghai', '32': 'jiangsu', '33': 'zhejiang', '34': 'anhui', '35': 'fujian', '36': 'jiangxi', '37': 'shandong', '41': 'henan',
  '42': 'hubei', '43': 'hunan', '44': 'guangdong', '45': 'guangxi', '46': 'hainan', '50': 'chongqing', '51': 'sichuan', '52': 'guizhou',
  '53': 'yunnan', '54': 'xizang', '61': 'shanxi1', '62': 'gansu', '63': 'qinghai', '64': 'ningxia', '65': 'xinjiang',
};

interface Feature { id?: string; type: string; properties: { name: string; code?: string; cp?: number[] } & Record<string, unknown>; geometry: unknown }
interface Geo { type: string; features: Feature[]; UTF8Encoding?: boolean }

let dir: string | undefined;
function mapsDir() {
  dir ??= path.join(path.dirname(createRequire(import.meta.url).resolve('echarts-maps/package.json')), 'map', 'json');
  return dir;
}

/** 浙江 ~ 浙江省, 襄樊市 ~ 襄阳市 are not guessed: a name matches exactly or without its suffix. */
export function baseName(s: string): string {
  return s.replace(/(维吾尔自治区|壮族自治区|回族自治区|自治区|特别行政区|省|市|地区|盟|自治州|林区)$/u, '').replace(/(土家族苗族|藏族羌族|朝鲜族|哈尼族彝族|傣族景颇族|傈僳族|布依族苗族|苗族侗族|蒙古族藏族|藏族|回族|彝族|傣族|白族|蒙古|哈萨克|柯尔克孜|壮族苗族)$/u, '');
}

const cache = new Map<string, Geo>();

export async function geoOf(db: Db, actor: Actor, code: string): Promise<Geo> {
  const r = await scopedRegion(db, actor, code);
  const file = r.level === 'nation' ? 'china.json' : r.level === 'province' && FILES[r.code.slice(0, 2)] ? `province/${FILES[r.code.slice(0, 2)]}.json` : null;
  if (!file) throw new AppError('GEO_NOT_AVAILABLE', { region: r.name });
  const hit = cache.get(r.code);
  if (hit) return hit;
  const geo = JSON.parse(await fs.readFile(path.join(mapsDir(), file), 'utf8')) as Geo;
  const kids = await children(db, r.code);
  const byName = new Map(kids.map((k) => [k.name, k]));
  const byBase = new Map(kids.map((k) => [baseName(k.name), k]));
  // A municipality's file draws its districts; they are painted as the 市辖区 / 县 they belong to.
  const districts = new Map<string, string>();
  if (['11', '12', '31', '50'].includes(r.code.slice(0, 2))) {
    for (const k of kids) for (const g of await children(db, k.code)) { districts.set(g.name, k.code); districts.set(baseName(g.name), k.code); }
  }
  for (const f of geo.features) {
    const name = f.properties.name;
    const k = (f.id && kids.find((x) => x.code === f.id)) || byName.get(name) || byBase.get(baseName(name));
    if (k) { f.properties.code = k.code; f.properties.name = k.name; f.id = k.code; continue; }
    const parent = districts.get(name) ?? districts.get(baseName(name));
    if (parent) f.properties.code = parent;
    else if (f.id) f.properties.code = f.id;
  }
  cache.set(r.code, geo);
  return geo;
}
