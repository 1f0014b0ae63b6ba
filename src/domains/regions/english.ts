// Region names in English for bilingual pages (the portal's results, its English version). The
// province-level units by their usual English names; below them the name's pinyin with the
// administrative suffix put into English (乐清市 → Yueqing City, 城东街道 → Chengdong Subdistrict).
const PROVINCES: Record<string, string> = {
  '110000': 'Beijing', '120000': 'Tianjin', '130000': 'Hebei', '140000': 'Shanxi', '150000': 'Inner Mongolia', '210000': 'Liaoning', '220000': 'Jilin',
  '230000': 'Heilongjiang', '310000': 'Shanghai', '320000': 'Jiangsu', '330000': 'Zhejiang', '340000': 'Anhui', '350000': 'Fujian', '360000': 'Jiangxi',
  '370000': 'Shandong', '410000': 'Henan', '420000': 'Hubei', '430000': 'Hunan', '440000': 'Guangdong', '450000': 'Guangxi', '460000': 'Hainan',
  '500000': 'Chongqing', '510000': 'Sichuan', '520000': 'Guizhou', '530000': 'Yunnan', '540000': 'Tibet', '610000': 'Shaanxi', '620000': 'Gansu',
  '630000': 'Qinghai', '640000': 'Ningxia', '650000': 'Xinjiang', '660000': 'Xinjiang Production and Construction Corps', '100000': 'China',
};
// Longest first: 自治县 before 县.
const SUFFIXES: [string, string, string][] = [
  ['自治州', 'zizhizhou', 'Autonomous Prefecture'], ['自治县', 'zizhixian', 'Autonomous County'], ['自治旗', 'zizhiqi', 'Autonomous Banner'],
  ['街道', 'jiedao', 'Subdistrict'], ['地区', 'diqu', 'Prefecture'], ['新区', 'xinqu', 'New Area'], ['市', 'shi', 'City'], ['县', 'xian', 'County'], ['区', 'qu', 'District'],
  ['镇', 'zhen', 'Town'], ['乡', 'xiang', 'Township'], ['旗', 'qi', 'Banner'], ['盟', 'meng', 'League'],
];

export function englishName(code: string, name: string, pinyin: string | null): string {
  if (PROVINCES[code]) return PROVINCES[code];
  if (!pinyin) return name;
  const py = pinyin.replace(/[^a-z]/gi, '').toLowerCase();
  for (const [zh, p, en] of SUFFIXES) {
    if (name.endsWith(zh) && py.endsWith(p) && py.length > p.length) {
      const stem = py.slice(0, -p.length);
      return `${stem[0].toUpperCase()}${stem.slice(1)} ${en}`;
    }
  }
  return `${py[0].toUpperCase()}${py.slice(1)}`;
}
