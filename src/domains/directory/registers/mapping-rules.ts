// Which column of a register holds which field: checking the header row,
// guessing from header names (Chinese and English, variants, full-width and
// traditional forms), and resolving a mapping against the headers. Pure.
import { AppError } from '../../../core/errors.ts';
import { cleanText, columnName, REGISTER_FIELDS, simplified, type RegisterField, type RowLayout } from './row-rules.ts';

export type Mapping = Partial<Record<RegisterField, string>>;

/**
 * How a header is compared: full-width → half-width, traditional → simplified,
 * notes in brackets ("（必填）"), stars and separators dropped, lower case.
 */
export function headerKey(h: string): string {
  return simplified(cleanText(h))
    .replace(/[(（[【][^)）\]】]*[)）\]】]/g, '')
    .replace(/[\s*＊_\-.·:：/\\]/g, '')
    .toLowerCase();
}

// Exact names first (in order of preference), then words a header may contain.
const SYNONYMS: Record<RegisterField, { exact: string[]; contains?: string[] }> = {
  credit_code: {
    exact: ['统一社会信用代码', '社会信用代码', '社会统一信用代码', '统一信用代码', '信用代码', '统一代码', '纳税人识别号', '纳税人识别码', '税号',
      'uscc', 'creditcode', 'unifiedsocialcreditcode', 'socialcreditcode', 'taxpayerid', 'taxid'],
    contains: ['信用代码', '识别号'],
  },
  name: {
    exact: ['单位名称', '企业名称', '单位详细名称', '单位全称', '企业全称', '名称', '纳税人名称', '市场主体名称', '主体名称', '机构名称', '养殖场名称',
      '养殖场户名称', '用户名称', '用电户名称', '排污单位名称', '公司名称', '工厂名称', '户名',
      'name', 'companyname', 'enterprisename', 'entityname', 'unitname', 'company', 'enterprise', 'taxpayername'],
  },
  address: {
    exact: ['注册地址', '地址', '经营地址', '生产经营地址', '详细地址', '住所', '经营场所', '单位地址', '企业地址', '生产地址', '单位所在地', '用电地址',
      '单位详细地址', '注册地', '住所地', 'address', 'addr', 'registeredaddress', 'businessaddress'],
    contains: ['地址'],
  },
  legal_rep: {
    exact: ['法定代表人', '法人代表', '负责人', '单位负责人', '法人', '经营者', '投资人', '法定代表人姓名', '法人姓名',
      'legalrep', 'legalrepresentative', 'legalperson', 'representative'],
    contains: ['法定代表'],
  },
  industry_code: {
    exact: ['行业代码', '国民经济行业代码', '国民经济行业分类代码', '行业分类代码', '行业类别代码', '所属行业代码', '行业', '行业类别', '国民经济行业',
      'industrycode', 'industry', 'niccode', 'isic'],
    contains: ['行业代码'],
  },
  phone: {
    exact: ['联系电话', '电话', '手机', '手机号码', '手机号', '电话号码', '联系方式', '固定电话', '移动电话', '联系人电话', '办公电话',
      'phone', 'tel', 'telephone', 'mobile', 'contactphone', 'phonenumber'],
    contains: ['电话'],
  },
  region_code: {
    exact: ['行政区划代码', '区划代码', '行政区划', '所在地区划代码', '所在地行政区划代码', '统计用区划代码', '区域代码', '地区代码', '行政区代码',
      'regioncode', 'divisioncode', 'areacode', 'admincode', 'adcode'],
    contains: ['区划代码'],
  },
};

/**
 * Checks the header row (the first non-empty row) and returns its names:
 * trimmed, trailing blanks dropped. Two columns with one name → REGISTER_DUPLICATE_HEADER.
 */
export function checkHeaders(cells: readonly string[]): string[] {
  const headers = cells.map(cleanText);
  while (headers.length && headers[headers.length - 1] === '') headers.pop();
  const seen = new Map<string, number[]>();
  headers.forEach((h, i) => h && seen.set(h, [...(seen.get(h) ?? []), i + 1]));
  for (const [header, cols] of seen) {
    if (cols.length > 1) throw new AppError('REGISTER_DUPLICATE_HEADER', { header, columns: cols.join(', ') });
  }
  return headers;
}

/** The mapping guessed from the headers: each field at most one column, each column at most one field. */
export function guessMapping(headers: readonly string[]): Mapping {
  const keys = headers.map(headerKey);
  const taken = new Set<number>();
  const out: Mapping = {};
  const claim = (f: RegisterField, i: number) => {
    out[f] = headers[i];
    taken.add(i);
  };
  for (const f of REGISTER_FIELDS) {
    for (const name of SYNONYMS[f].exact) {
      const i = keys.findIndex((k, j) => k === name && !taken.has(j));
      if (i >= 0) {
        claim(f, i);
        break;
      }
    }
  }
  for (const f of REGISTER_FIELDS) {
    if (out[f] !== undefined) continue;
    const i = keys.findIndex((k, j) => !taken.has(j) && k !== '' && (SYNONYMS[f].contains ?? []).some((w) => k.includes(w)));
    if (i >= 0) claim(f, i);
  }
  return out;
}

/** A mapping as the client sent it (JSON text or object) → a checked Mapping; unknown fields are refused. */
export function parseMapping(input: unknown): Mapping {
  let v = input;
  if (typeof v === 'string') {
    try {
      v = JSON.parse(v);
    } catch {
      throw new AppError('REGISTER_MAPPING_INVALID', { detail: 'not JSON' });
    }
  }
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw new AppError('REGISTER_MAPPING_INVALID', { detail: 'expected an object of field → header' });
  const out: Mapping = {};
  for (const [field, header] of Object.entries(v)) {
    if (!(REGISTER_FIELDS as readonly string[]).includes(field)) {
      throw new AppError('REGISTER_MAPPING_INVALID', { detail: `unknown field ${field}; fields are ${REGISTER_FIELDS.join(', ')}` });
    }
    if (header === null || header === '') continue;
    if (typeof header !== 'string' || header.length > 200) throw new AppError('REGISTER_MAPPING_INVALID', { detail: `the header of ${field} must be text` });
    out[field as RegisterField] = header;
  }
  return out;
}

/**
 * Resolves a mapping against the headers: every named header must exist (as
 * written, or by its compared form), no two fields share a column, and the
 * name must be mapped. Returns the layout and the mapping in the file's own words.
 */
export function resolveMapping(headers: readonly string[], mapping: Mapping): { layout: RowLayout; mapping: Mapping } {
  const keys = headers.map(headerKey);
  const fields: RowLayout['fields'] = {};
  const resolved: Mapping = {};
  const used = new Map<number, RegisterField>();
  for (const f of REGISTER_FIELDS) {
    const want = mapping[f];
    if (want === undefined) continue;
    let i = headers.indexOf(cleanText(want));
    if (i < 0) {
      const k = headerKey(want);
      const hits = keys.flatMap((x, j) => (x === k && k !== '' ? [j] : []));
      if (hits.length === 1) i = hits[0];
    }
    if (i < 0) throw new AppError('REGISTER_MAPPING_UNKNOWN_HEADER', { header: want, field: f });
    const other = used.get(i);
    if (other) throw new AppError('REGISTER_MAPPING_INVALID', { detail: `${other} and ${f} both name the column "${columnName(headers, i)}"` });
    used.set(i, f);
    fields[f] = i;
    resolved[f] = headers[i];
  }
  if (fields.name === undefined) {
    throw new AppError('REGISTER_NO_USABLE_COLUMNS', { headers: headers.filter(Boolean).slice(0, 30).join(', ') || '—' });
  }
  return { layout: { headers: [...headers], fields }, mapping: resolved };
}
