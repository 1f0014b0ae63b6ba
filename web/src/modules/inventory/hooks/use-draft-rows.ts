import { useState } from 'react';

interface Named {
  code: string;
  nameZh: string;
  nameEn: string;
}

/** An editable copy of configuration rows keyed by code; valid while every row has both names. */
export function useDraftRows<T extends Named>(rows: T[]) {
  const [draft, setDraft] = useState(rows);
  const set = (code: string, patch: Partial<T>) => setDraft((d) => d.map((x) => (x.code === code ? { ...x, ...patch } : x)));
  const valid = draft.every((x) => x.nameZh.trim() && x.nameEn.trim());
  const trimmed = () => draft.map((x) => ({ ...x, nameZh: x.nameZh.trim(), nameEn: x.nameEn.trim() }));
  return { draft, set, valid, trimmed };
}
