// The definition format of a survey form (报表). Forms are data: the engine reads these
// objects, the console will render them, and a submission names the (code, version) it was
// filled against so a later revision of a form never re-reads an old submission.

export type Category = 'G' | 'N' | 'S' | 'J' | 'Y';
export type Severity = 'blocking' | 'warning';

export interface Text {
  zh: string;
  en: string;
}

/**
 * What kind of object fills a form. An industrial enterprise and an industrial park are both
 * category G but fill different forms; county-level agricultural forms are filled by a county.
 */
export type SourceKind =
  | 'enterprise' // 工业企业 / 产业活动单位
  | 'park' // 工业园区
  | 'livestock-farm' // 规模畜禽养殖场
  | 'county' // 县级（种植业、规模以下养殖、水产、县域城镇）
  | 'village' // 行政村 / 社区
  | 'non-industrial-boiler' // 非工业企业单位锅炉
  | 'outfall' // 入河（海）排污口
  | 'household-sample' // 农村居民能源使用抽样
  | 'city' // 城市
  | 'wastewater-plant' // 污水处理厂
  | 'waste-plant' // 生活垃圾处置场（厂）
  | 'hazardous-waste-plant' // 危险废物处置厂
  | 'oil-depot' // 储油库
  | 'gas-station' // 加油站
  | 'oil-transport' // 油品运输企业
  | 'region'; // 移动源的地区汇总（由有关部门按行政区填报）

/** An expression in the engine's small language (engine/expression.ts). */
export type Expr = string;

export interface Rule {
  /** Stable id, unique within its form (cross-form rules: unique in the list). */
  id: string;
  severity: Severity;
  /** Must hold; false raises the issue, null (an operand unanswered) does not. */
  assert: Expr;
  /** Precondition: the rule is skipped unless this is true. */
  when?: Expr;
  message: Text;
  /** Expressions filled into the message as {name}, evaluated only when the rule fails. */
  params?: Record<string, Expr>;
}

/** A rule declared on the form rather than on a field: it names the group it runs per row of and the field it points to. */
export interface FormRule extends Rule {
  /** Repeat group path ('fuels', 'outlets.facilities'); absent: runs once on the form. */
  context?: string;
  /** Field the result points to, relative to the context row. */
  field: string;
}

/** A check spanning forms: runs on `form`, and only when every form of `needs` is in the set. */
export interface CrossFormRule extends FormRule {
  form: string;
  needs: string[];
}

interface FieldBase {
  id: string;
  label: Text;
  hint?: Text;
  /** true, or an expression: an empty answer is then a blocking issue. */
  required?: boolean | Expr;
  /** The field exists only when this holds; an answer to an irrelevant field is dropped. */
  relevant?: Expr;
  /** Computed, never entered: an answer sent for it is replaced by the computed value. */
  calculate?: Expr;
  rules?: Rule[];
  /** Public sources are silent on this field; designed by us (census-facts §3). */
  designed?: true;
}

export type TextFormat = 'credit-code' | 'org-code' | 'phone' | 'postcode' | 'email' | 'waste-code';

export interface TextField extends FieldBase {
  type: 'text';
  maxLength?: number;
  format?: TextFormat;
}

export interface NumberField extends FieldBase {
  type: 'integer' | 'decimal';
  /** Fixed unit (code of the units table). */
  unit?: string;
  /** Or: the sibling code field that holds the unit chosen by the respondent. */
  unitField?: string;
  /** Blocking bounds. */
  min?: number;
  max?: number;
  /** Warning bounds: outside them the value is unusual and needs an explanation. */
  warnMin?: number;
  warnMax?: number;
  /** Most decimal places accepted. */
  decimals?: number;
}

export interface CodeField extends FieldBase {
  type: 'code';
  /** A code table id (code-tables/index.ts), or 'industry' / 'region' (checked by injected functions). */
  table: string;
  multiple?: boolean;
}

export interface BooleanField extends FieldBase {
  type: 'boolean';
}

export interface DateField extends FieldBase {
  type: 'date';
  /** ISO dates YYYY-MM-DD. */
  min?: string;
  max?: string;
}

/** A span of dates {from, to}, e.g. the months a plant ran in 2017. */
export interface PeriodField extends FieldBase {
  type: 'period';
  min?: string;
  max?: string;
}

/** WGS-84 {lat, lng} in decimal degrees. */
export interface CoordinatesField extends FieldBase {
  type: 'coordinates';
}

/** A reference to an uploaded file {id, name?, type}: the bytes travel separately. */
export interface FileField extends FieldBase {
  type: 'file';
  accept: string[];
  maxFiles: number;
}

export interface GroupField extends FieldBase {
  type: 'group';
  fields: Field[];
  minRows?: number;
  /** Checked before a single row is read: a longer array is refused whole. */
  maxRows: number;
}

export type Field =
  | TextField
  | NumberField
  | CodeField
  | BooleanField
  | DateField
  | PeriodField
  | CoordinatesField
  | FileField
  | GroupField;

export type FieldType = Field['type'];

export interface FormDefinition {
  code: string;
  version: number;
  title: Text;
  fields: Field[];
  rules?: FormRule[];
}

export interface CatalogueEntry {
  code: string;
  name: Text;
  category: Category;
  /** Who fills it. */
  kinds: SourceKind[];
  /**
   * When it applies to a source of one of `kinds` (absent: always). Evaluated with `category`,
   * `kind`, `industry` and `form('…')` for the answers already given.
   */
  applies?: Expr;
  /** Whether fields are defined (the others are listed with what public sources tell). */
  defined: boolean;
  /** What public sources say about an undefined form. */
  note?: string;
}

export interface CodeEntry {
  code: string;
  zh: string;
  en: string;
  /** Further attributes that rules read with lookup(table, code, attr). */
  attrs?: Record<string, number | string | boolean>;
}

export interface CodeTable {
  id: string;
  name: Text;
  entries: CodeEntry[];
}

/** A unit and its factor to the base unit of its dimension (e.g. t → kg: 1000). */
export interface UnitEntry extends CodeEntry {
  attrs: { dim: string; factor: number };
}
