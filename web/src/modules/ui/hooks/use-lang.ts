import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../api/client.ts';

/** The current UI language; re-renders the caller when it changes. */
export function useLang(): Lang {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'zh';
}
