import { useCallback } from 'react';
import { useLang } from '../../ui/hooks/use-lang.ts';
import { useMinerals } from './use-radioactive.ts';

/** A mineral's name in the UI language from its code (the code itself until the list arrives). */
export function useMineralName(): (code: string) => string {
  const lang = useLang();
  const minerals = useMinerals();
  return useCallback(
    (code: string) => {
      const m = minerals.data?.items.find((x) => x.code === code);
      return m ? (lang === 'en' ? m.nameEn : m.nameZh) : code;
    },
    [minerals.data, lang],
  );
}
