// The engine's view of a source from what GET /sources/:id/survey says (the server has already
// turned the directory's category and industry into the census category and kind), and the
// client-made id of each form's submission, remembered per source and form.
import type { SourceInfo } from '../../../../../src/domains/survey/engine/index.ts';
import type { SurveySource } from '../../../api/survey-types.ts';

const LETTERS = new Set(['G', 'N', 'S', 'J', 'Y']);

/** null when the server names no census category the engine knows (the page then fills nothing). */
export function sourceInfo(s: Pick<SurveySource, 'formCategory' | 'kind' | 'industryCode'>): SourceInfo | null {
  if (!LETTERS.has(s.formCategory) || !s.kind) return null;
  const info: SourceInfo = { category: s.formCategory as SourceInfo['category'], kind: s.kind as SourceInfo['kind'] };
  if (s.industryCode) info.industryCode = s.industryCode;
  return info;
}

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
const storeKey = (sourceId: number, form: string) => `pucha.survey.submission.${sourceId}.${form}`;

/**
 * The submission id of a source's form: the server's when it has one, else the one this browser
 * made on an earlier save, else a new UUID (kept, so a retried first save is the same submission).
 */
export function submissionId(sourceId: number, form: string, known: string | null | undefined, storage: Store | null = safeStorage(), make: () => string = () => crypto.randomUUID()): string {
  if (known) return known;
  const stored = storage?.getItem(storeKey(sourceId, form));
  if (stored) return stored;
  const id = make();
  storage?.setItem(storeKey(sourceId, form), id);
  return id;
}

/** Forgets the id made here (the server holds another submission of the form, or refused this id). */
export function forgetSubmissionId(sourceId: number, form: string, storage: Store | null = safeStorage()): void {
  storage?.removeItem(storeKey(sourceId, form));
}

function safeStorage(): Storage | null {
  try {
    return localStorage;
  } catch {
    return null;
  }
}
