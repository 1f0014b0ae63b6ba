import { isApiError, type Lang } from '../../../api/client.ts';

/** What to tell the user about a failure, in their language. */
export function errorText(err: unknown, lang: Lang): string {
  if (isApiError(err)) return err.textIn(lang);
  if (err instanceof Error && err.message) return err.message;
  return lang === 'en' ? 'Something went wrong' : '发生未知错误';
}
