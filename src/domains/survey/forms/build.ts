// Short constructors for definitions, so a form file reads like the paper form it mirrors.
import type {
  BooleanField, CodeField, CoordinatesField, DateField, Field, FileField, FormRule, GroupField,
  NumberField, PeriodField, Rule, Severity, TextField,
} from './types.ts';

type Opts<F> = Partial<Omit<F, 'id' | 'label' | 'type'>>;

/** The census's standard time point and period (census-facts §0). */
export const REF_DATE = '2017-12-31';
export const REF_START = '2017-01-01';
/** Hours in 2017. */
export const YEAR_HOURS = 8760;

export const text = (id: string, zh: string, en: string, o: Opts<TextField> = {}): TextField => ({ id, type: 'text', label: { zh, en }, ...o });
export const int = (id: string, zh: string, en: string, o: Opts<NumberField> = {}): NumberField => ({ id, type: 'integer', label: { zh, en }, min: 0, ...o });
export const dec = (id: string, zh: string, en: string, o: Opts<NumberField> = {}): NumberField => ({ id, type: 'decimal', label: { zh, en }, min: 0, ...o });
export const code = (id: string, zh: string, en: string, table: string, o: Opts<CodeField> = {}): CodeField => ({ id, type: 'code', label: { zh, en }, table, ...o });
export const bool = (id: string, zh: string, en: string, o: Opts<BooleanField> = {}): BooleanField => ({ id, type: 'boolean', label: { zh, en }, ...o });
export const date = (id: string, zh: string, en: string, o: Opts<DateField> = {}): DateField => ({ id, type: 'date', label: { zh, en }, ...o });
export const period = (id: string, zh: string, en: string, o: Opts<PeriodField> = {}): PeriodField => ({ id, type: 'period', label: { zh, en }, min: REF_START, max: REF_DATE, ...o });
export const coords = (id: string, zh: string, en: string, o: Opts<CoordinatesField> = {}): CoordinatesField => ({ id, type: 'coordinates', label: { zh, en }, ...o });
export const file = (id: string, zh: string, en: string, o: Opts<FileField> = {}): FileField => ({
  id, type: 'file', label: { zh, en }, accept: ['image/jpeg', 'image/png', 'application/pdf'], maxFiles: 5, ...o,
});
export const group = (id: string, zh: string, en: string, fields: Field[], o: Opts<GroupField> = {}): GroupField => ({
  id, type: 'group', label: { zh, en }, fields, maxRows: 1000, ...o,
});

export const rule = (id: string, severity: Severity, assert: string, zh: string, en: string, o: Partial<Rule> = {}): Rule => ({
  id, severity, assert, message: { zh, en }, ...o,
});
export const formRule = (id: string, severity: Severity, field: string, assert: string, zh: string, en: string, o: Partial<FormRule> = {}): FormRule => ({
  id, severity, field, assert, message: { zh, en }, ...o,
});

/** Rows of a group must differ in `field` (a blank one is left to the required check). */
export const unique = (group: string, field: string, zh: string, en: string, context = group): FormRule =>
  formRule(`unique-${field}`, 'blocking', field, `${field} == null or count(filter(${group}, it.${field} == ${field})) == 1`, zh, en, { context });
