// N101-1 规模畜禽养殖场基本情况. Designed after the farm records of census-facts §2 (the five
// species; farms pushed from MARA's direct-reporting system).
import { REF_DATE, code, date, dec, file, text } from './build.ts';
import { footer, place } from './fragments.ts';
import type { FormDefinition } from './types.ts';

export const N101_1: FormDefinition = {
  code: 'N101-1',
  version: 1,
  title: { zh: '规模畜禽养殖场基本情况', en: 'Livestock farm at scale: basic information' },
  fields: [
    text('farmName', '养殖场名称', 'Farm name', { required: true, maxLength: 100 }),
    text('creditCode', '统一社会信用代码', 'Unified social credit code', { format: 'credit-code' }),
    text('operator', '法定代表人（负责人）', 'Legal representative (head)', { required: true, maxLength: 30 }),
    ...place('养殖场位置', 'Farm location'),
    code('mainSpecies', '主要畜禽种类', 'Main species', 'livestock-species', { required: true }),
    date('startedOn', '投产时间', 'In production since', { min: '1950-01-01', max: REF_DATE }),
    dec('houseArea', '圈舍面积', 'Housing area', { unit: 'm2', decimals: 0, max: 1e7 }),
    text('directReportId', '直联直报系统编号', 'Direct-reporting system id', { maxLength: 30, designed: true }),
    file('photos', '养殖场照片', 'Photos of the farm', { accept: ['image/jpeg', 'image/png', 'image/webp'], maxFiles: 10 }),
    ...footer(),
  ],
};
