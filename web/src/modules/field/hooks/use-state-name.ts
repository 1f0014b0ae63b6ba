import { useCallback } from 'react';
import { useLang } from '../../ui/hooks/use-lang.ts';
import type { InventoryState } from '../types.ts';

/** A state's name in the current language (the names come from the server's configuration). */
export function useStateName(): (s: InventoryState) => string {
  const lang = useLang();
  return useCallback((s: InventoryState) => (lang === 'en' ? s.nameEn : s.nameZh), [lang]);
}
