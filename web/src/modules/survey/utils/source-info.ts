// The engine's view of a source (category letter and kind) from what the API sends, and the
// client-made id of each form's submission, remembered per source and form.
import type { SourceInfo } from '../../../../../src/domains/survey/engine/index.ts';
import type { SurveySource } from '../../../api/survey-types.ts';

const LETTERS: Record<string, SourceInfo['category']> = { industrial: 'G', livestock: 'N', domestic: 'S', centralised: 'J', mobile: 'Y' };
const DEFAULT_KIND: Record<SourceInfo['category'], SourceInfo['kind']> = { G: 'enterprise', N: 'livestock-farm', S: 'non-industrial-boiler', J: 'wastewater-plant', Y: 'gas-station' };

export function sourceInfo(s: Pick<SurveySource, 'category' | 'kind' | 'industryCode'>): SourceInfo | null {
  const category = (['G', 'N', 'S', 'J', 'Y'].includes(s.category) ? s.category : LETTERS[s.category]) as SourceInfo['category'] | undefined;
  if (!category) return null;
  const info: SourceInfo = { category, kind: (s.kind || DEFAULT_KIND[category]) as SourceInfo['kind'] };
  if (s.industryCode) info.industryCode = s.industryCode;
  return info;
}

const storeKey = (sourceId: number, form: string) => `pucha.survey.submission.${sourceId}.${form}`;

/**
 * The submission id of a source's form: the server's when it has one, else the one this browser
 * made on an earlier save, else a new UUID (kept, so a retried first save is the same submission).
 */
export function submissionId(sourceId: number, form: string, known: string | null | undefined, storage: Pick<Storage, 'getItem' | 'setItem'> | null = safeStorage(), make: () => string = () => crypto.randomUUID()): string {
  if (known) return known;
  const stored = storage?.getItem(storeKey(sourceId, form));
  if (stored) return stored;
  const id = make();
  storage?.setItem(storeKey(sourceId, form), id);
  return id;
}

function safeStorage(): Storage | null {
  try {
    return localStorage;
  } catch {
    return null;
  }
}
