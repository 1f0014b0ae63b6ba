// Reads and writes of the coefficient library (docs/accounting-api.md).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { CoefDiff, CoefRow, CoefVersion } from '../../../api/accounting-types.ts';
import { useCursorList } from '../../ui/hooks/use-cursor-list.ts';

export const COEF = '/api/v1/accounting/coefficients';
export const coefKeys = {
  all: ['coefficients'] as const,
  versions: ['coefficients', 'versions'] as const,
  rows: (id: number) => ['coefficients', 'rows', id] as const,
  diff: (id: number) => ['coefficients', 'diff', id] as const,
};

export function useCoefVersions() {
  return useQuery({ queryKey: coefKeys.versions, queryFn: () => api.get<{ items: CoefVersion[] }>(`${COEF}/versions`) });
}

export function useCoefRows(id: number | null, filter: { industry?: string; pollutant?: string }) {
  return useCursorList<CoefRow>(coefKeys.rows(id ?? 0), `${COEF}/versions/${id}/rows`, { limit: 100, industry: filter.industry || undefined, pollutant: filter.pollutant || undefined }, { enabled: id !== null });
}

export function useCoefDiff(id: number | null, enabled: boolean) {
  return useQuery({ queryKey: coefKeys.diff(id ?? 0), queryFn: () => api.get<CoefDiff>(`${COEF}/versions/${id}/diff`), enabled: enabled && id !== null });
}

export interface ImportInput {
  file: File;
  label: string;
  census: string;
  sample: boolean;
}

export function useImportCoefficients() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (i: ImportInput) => {
      const form = new FormData();
      form.append('label', i.label);
      form.append('census', i.census);
      form.append('sample', String(i.sample));
      form.append('file', i.file, i.file.name); // last: the server reads the fields first
      return api.upload<{ version: CoefVersion }>(`${COEF}/import`, form);
    },
    onSuccess: () => void qc.invalidateQueries({ queryKey: coefKeys.versions }),
  });
}

export function usePutInForce() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.post<{ version: CoefVersion }>(`${COEF}/versions/${id}/in-force`),
    // Every diff is against the version in force, which has just changed.
    onSuccess: () => void qc.invalidateQueries({ queryKey: coefKeys.all }),
  });
}
