// 名录库 directory: departments' registers (部门名录) imported row by row; matching
// and the master list of sources build on them.
import type { JobHandler } from '../jobs/index.ts';
import { importJob } from './registers/import-job.ts';
import { matchJob } from './matching/match-job.ts';

export { registerRoutes } from './registers/routes.ts';
export { getRegister, listRegisters, type RegisterView } from './registers/registers.ts';
export { REGISTER_FIELDS, type RegisterField } from './registers/row-rules.ts';
export { openWorkbook, serialDate, type NumberedRow, type XlsxWorkbook } from './registers/xlsx-reader.ts';
export { receiveUpload, uploadsDir, type Upload } from './registers/register-upload.ts';
export { openTable, type RegisterFormat } from './registers/register-file.ts';

export { directoryRoutes } from './sources/routes.ts';
export { MATCH_JOB, type MatchParams } from './matching/match-job.ts';
export { checkIndustryCode, normaliseIndustryCode } from './rules/industry.ts';
export { CATEGORIES, supplementSource } from './sources/sources.ts';
export { namePinyin } from './rules/name-pinyin.ts';
export { generateRegisters, type Department, type SyntheticRow } from './rules/synthetic.ts';

export { sweepUploads, uploadSweepChore } from './registers/upload-sweep.ts';

export const directoryJobs: JobHandler<any>[] = [importJob, matchJob];
