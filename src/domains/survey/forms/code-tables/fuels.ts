// 能源（燃料）代码 fuels, with the bounds rules check a respondent's fuel analysis against.
// Two ranges per property: `…Min/…Max` are physical bounds (outside them the number is wrong:
// blocking), `…TypMin/…TypMax` the usual range (outside it a warning asks for an explanation).
// Sulphur and ash are as-received (收到基) mass %, NCV (低位发热量) in MJ/kg, or MJ/m³ for gases.
// Ranges are designed from the usual ranges of Chinese coal grades and of fuel-quality
// standards (GB 252 / GB 19147 / GB 17930 era) [unverified]; an office can narrow them.
import type { CodeEntry, CodeTable } from '../types.ts';

interface Bounds {
  unit: string;
  ncv: [number, number, number, number];
  sulphur?: [number, number, number, number];
  ash?: [number, number, number, number];
  gas?: true;
}

const f = (code: string, zh: string, en: string, b: Bounds): CodeEntry => {
  const attrs: Record<string, number | string | boolean> = { unit: b.unit, gas: b.gas ?? false };
  const put = (name: string, r?: [number, number, number, number]) => {
    if (!r) return;
    [attrs[`${name}Min`], attrs[`${name}TypMin`], attrs[`${name}TypMax`], attrs[`${name}Max`]] = r;
  };
  put('ncv', b.ncv);
  put('sulphur', b.sulphur);
  put('ash', b.ash);
  return { code, zh, en, attrs };
};

// [physical min, typical min, typical max, physical max]
export const FUELS: CodeEntry[] = [
  f('01', '原煤', 'raw coal', { unit: 't', ncv: [8, 14, 26, 33], sulphur: [0.02, 0.2, 3, 10], ash: [3, 8, 40, 50] }),
  f('02', '洗精煤', 'washed coal', { unit: 't', ncv: [18, 22, 30, 34], sulphur: [0.02, 0.2, 2, 5], ash: [2, 5, 15, 25] }),
  f('03', '其他洗煤', 'other washed coal', { unit: 't', ncv: [6, 8, 20, 26], sulphur: [0.02, 0.2, 3, 8], ash: [10, 20, 50, 65] }),
  f('04', '型煤', 'briquettes', { unit: 't', ncv: [8, 12, 25, 30], sulphur: [0.02, 0.2, 2, 6], ash: [5, 10, 40, 50] }),
  f('05', '焦炭', 'coke', { unit: 't', ncv: [22, 26, 30, 32], sulphur: [0.1, 0.4, 1, 2.5], ash: [5, 9, 16, 25] }),
  f('06', '兰炭', 'semi-coke', { unit: 't', ncv: [20, 24, 29, 32], sulphur: [0.05, 0.2, 0.6, 2], ash: [3, 5, 15, 25] }),
  f('07', '焦炉煤气', 'coke oven gas', { unit: '10km3', ncv: [12, 15.5, 18.5, 21], gas: true }),
  f('08', '高炉煤气', 'blast furnace gas', { unit: '10km3', ncv: [2.5, 3, 4, 5], gas: true }),
  f('09', '转炉煤气', 'converter gas', { unit: '10km3', ncv: [4, 6, 8.5, 10], gas: true }),
  f('10', '其他煤气', 'other gas', { unit: '10km3', ncv: [2, 4, 20, 40], gas: true }),
  f('11', '天然气', 'natural gas', { unit: '10km3', ncv: [28, 32, 38, 42], gas: true }),
  f('12', '液化天然气', 'LNG', { unit: 't', ncv: [42, 45, 51, 55] }),
  f('13', '液化石油气', 'LPG', { unit: 't', ncv: [42, 45, 50, 52], sulphur: [0, 0, 0.02, 0.05] }),
  f('14', '原油', 'crude oil', { unit: 't', ncv: [38, 41, 43, 45], sulphur: [0, 0.05, 3, 6] }),
  f('15', '汽油', 'gasoline', { unit: 't', ncv: [41, 42.5, 44.5, 46], sulphur: [0, 0, 0.005, 0.05] }),
  f('16', '柴油', 'diesel', { unit: 't', ncv: [40, 41.5, 43.5, 45], sulphur: [0, 0, 0.035, 0.2] }),
  f('17', '燃料油', 'fuel oil', { unit: 't', ncv: [37, 39, 42, 44], sulphur: [0.05, 0.3, 3.5, 5] }),
  f('18', '石油焦', 'petroleum coke', { unit: 't', ncv: [28, 31, 35, 37], sulphur: [0.3, 1, 6, 9], ash: [0, 0.1, 1, 3] }),
  f('19', '煤矸石', 'coal gangue', { unit: 't', ncv: [2, 4, 12, 15], sulphur: [0.05, 0.3, 4, 8], ash: [40, 50, 80, 90] }),
  f('20', '生物质燃料', 'biomass fuel', { unit: 't', ncv: [8, 12, 18, 21], sulphur: [0, 0.01, 0.3, 1], ash: [0.2, 1, 15, 30] }),
  f('21', '生活垃圾', 'municipal waste', { unit: 't', ncv: [2, 4, 9, 14], sulphur: [0, 0.05, 0.5, 2], ash: [5, 10, 30, 50] }),
  f('99', '其他燃料', 'other fuel', { unit: 't', ncv: [1, 2, 45, 55] }),
];

export const FUEL_TABLE: CodeTable = { id: 'fuels', name: { zh: '能源（燃料）', en: 'Fuels' }, entries: FUELS };
