// The national synthetic census's survey forms (national.ts): one approved submission per
// synthetic source, the form that fits its category, answers made in SQL. One statement writes
// the submissions, their first revisions and their review steps, so the step is whole or absent.
import { sql } from 'kysely';
import type { Db } from '../../core/db/index.ts';
import { NAME_PREFIX } from './national.sql.ts';

/**
 * Forms per category (the registry's: `sourceKindOf` + `requiredForms`). Domestic units are the
 * non-industrial boilers → S103. Centralised waste plants' J102 forms are not defined yet, so every
 * centralised facility gets the wastewater plant's J101-1.
 */
export const NATIONAL_FORMS: Record<string, string> = { industrial: 'G101-1', livestock: 'N101-1', domestic: 'S103', centralised: 'J101-1' };

// Answers are built as canonical JSON text (keys sorted as `canonicalJson` sorts them, no spaces),
// so the SHA-256 of the same text is the `content_hash` the save path computed when the census
// taker submitted it (status `submitted`; approvals move the status, not the hash). A key whose
// value is NULL is left out (array_to_string skips NULLs). Values: `s` the source, `r` its region,
// `n` a deterministic number per source.
const str = (e: string) => `to_json((${e})::text)::text`;
const num = (e: string) => `((${e})::float8)::text`;
const common = (nameKey: string): [string, string][] => [
  [nameKey, str('s.name')],
  ['creditCode', str('s.credit_code')],
  ['regionCode', str('s.region_code')],
  ['address', str(`r.name || '工业路' || (1 + n % 300) || '号'`)],
  ['filledBy', str(`'填表人' || (1 + n % 97)`)],
  ['reportDate', str(`'2018-0' || (4 + n % 5) || '-' || lpad((1 + n % 28)::text, 2, '0')`)],
];
const boiler = `'[' || '{' || array_to_string(ARRAY[${[
  ['boilerNo', str(`'B' || (1 + n % 9)`)], ['capacity', num('1 + n % 20')], ['fuelCode', str(`CASE WHEN n % 3 = 0 THEN '01' ELSE '11' END`)],
  ['fuelUnit', str(`CASE WHEN n % 3 = 0 THEN 't' ELSE '10km3' END`)], ['fuelUse', num('round((50 + n % 2000) / 10.0, 1)')], ['kind', str(`CASE WHEN n % 3 = 0 THEN '1' ELSE '4' END`)],
  ['runHours', num('1200 + n % 2800')], ['use', str(`'4'`)],
].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, e]) => `'"${k}":' || ${e}`).join(', ')}], ',') || '}' || ']'`;

const ANSWERS: Record<string, [string, string][]> = {
  'G101-1': [...common('unitName'),
    ['industryCode', str('s.industry_code')], ['legalRep', str(`'法人' || (1 + n % 500)`)], ['operatingState', str(`'1'`)],
    ['operatingHours', num('2000 + n % 6000')], ['outputValue', num('round((100 + n % 500000) / 10.0, 1)')], ['scale', str(`(2 + n % 3)::text`)],
    ['registrationType', str(`CASE WHEN n % 4 = 0 THEN '160' ELSE '159' END`)], ['boilerCount', num('n % 3')], ['kilnCount', num('0')],
    ['keySource', `(n % 10 = 0)::text`], ['inPark', `(n % 4 = 0)::text`], ['hasWasteGas', 'true'], ['hasWastewater', `(n % 2 = 0)::text`]],
  'N101-1': [...common('farmName'),
    ['operator', str(`'场长' || (1 + n % 500)`)], ['mainSpecies', str(`(ARRAY['pig','dairy','beef','layer','broiler'])[1 + n % 5]`)], ['houseArea', num('500 + n % 20000')]],
  'J101-1': [...common('unitName'),
    ['plantKind', str(`(1 + n % 3)::text`)], ['designCapacity', num('1000 + (n % 200) * 500')], ['process', str(`(ARRAY['W05','W06','W07','W08'])[1 + n % 4]`)],
    ['effluentStandard', str(`'GB 18918-2002 一级 A'`)], ['receivingWater', str(`'1'`)], ['receivingName', str(`r.name || '河'`)], ['servedPopulation', num('20000 + n % 500000')], ['monitored', 'true']],
  'S103': [...common('unitName'), ['ownerKind', str(`(ARRAY['1','2','3','4'])[1 + n % 4]`)], ['boilers', boiler]],
};

const answersSql = (form: string) => `'{' || array_to_string(ARRAY[${[...ANSWERS[form]].sort(([a], [b]) => (a < b ? -1 : 1))
  .map(([k, e]) => `'"${k}":' || ${e}`).join(', ')}], ',') || '}'`;
const answersCase = `CASE s.category ${Object.entries(NATIONAL_FORMS).map(([c, f]) => `WHEN '${c}' THEN ${answersSql(f)}`).join(' ')} END`;
const formCase = `CASE s.category ${Object.entries(NATIONAL_FORMS).map(([c, f]) => `WHEN '${c}' THEN '${f}'`).join(' ')} END`;

/**
 * One submission per synthetic source above `fromId`, filled by its census taker, approved by the
 * instructor and the county office and waiting at the city (status `approved`), with its first
 * revision and its three review steps (submit, approve, approve). Ids are UUIDs made from the
 * source id, dates spread over 2018 by it: the load is deterministic. Nothing is marked for the
 * accounting: the figures were made with the sources.
 */
export async function insertSubmissions(db: Db, fromId: number) {
  await sql`WITH a AS MATERIALIZED (
      SELECT s.id AS source_id, s.region_code, ${sql.raw(formCase)} AS form, ${sql.raw(answersCase)} AS answers,
        timestamptz '2018-04-01 09:00+08' + (n % 90) * interval '1 day' + (n % 480) * interval '1 minute' AS submitted_at
      FROM sources s JOIN regions r ON r.code = s.region_code CROSS JOIN LATERAL (SELECT (s.id * 7919) % 1000003 AS n) k
      WHERE s.id > ${fromId} AND s.name LIKE ${`${NAME_PREFIX}%`} AND s.category IN (${sql.join(Object.keys(NATIONAL_FORMS))})
    ), s AS (
      INSERT INTO submissions (id, source_id, region_code, province_code, form, version, status, answers, computed, ready, blocking, warnings, unexplained,
        content_hash, created_at, updated_at, submitted_at, review_level, review_version, waiting_since, filled_level)
      SELECT md5('national-submission-' || source_id)::uuid, source_id, region_code, left(region_code, 2) || '0000', form, 1, 'approved', answers::jsonb, answers::jsonb,
        true, 0, 0, 0, encode(sha256(convert_to('[' || source_id || ',' || to_json(form)::text || ',1,"submitted",' || answers || ',{}]', 'UTF8')), 'hex'),
        submitted_at, submitted_at + interval '9 days', submitted_at, 'city', 3, submitted_at + interval '9 days', 'enumerator'
      FROM a ORDER BY source_id
      ON CONFLICT DO NOTHING
      RETURNING id, province_code, answers, content_hash, submitted_at
    ), rv AS (
      INSERT INTO submission_revisions (submission_id, province_code, rev, status, answers, explanations, content_hash, at)
      SELECT id, province_code, 1, 'submitted', answers, '{}', content_hash, submitted_at FROM s
    )
    INSERT INTO review_steps (submission_id, province_code, level, action, rev, at, superseded_at)
    SELECT s.id, s.province_code, st.level, st.action, 1, s.submitted_at + st.after, s.submitted_at + st.next
    FROM s CROSS JOIN (VALUES ('enumerator', 'submit', interval '0', interval '2 days'), ('instructor', 'approve', interval '2 days', interval '9 days'),
      ('county', 'approve', interval '9 days', NULL)) AS st(level, action, after, next)`.execute(db);
}
