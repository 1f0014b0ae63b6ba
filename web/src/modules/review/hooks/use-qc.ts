import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { Phase, QcSettings, RateRow, RegionCheck, RuleRow, Sample, SampleBody, SampleItem, SampleItemBody, SampleSummary } from '../../../api/review-types.ts';
import { REVIEW, reviewKeys } from '../utils/review-keys.ts';

export function useQcSettings(enabled = true) {
  return useQuery({ queryKey: reviewKeys.qcSettings, queryFn: () => api.get<QcSettings>(`${REVIEW}/qc/settings`), enabled });
}

export function useSaveQcSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (s: QcSettings) => api.put<QcSettings>(`${REVIEW}/qc/settings`, s),
    onSuccess: (s) => {
      qc.setQueryData(reviewKeys.qcSettings, s);
      void qc.invalidateQueries({ queryKey: ['review', 'qc', 'rates'] });
    },
  });
}

export function useSamples(region: string | undefined, phase: Phase | undefined) {
  return useQuery({
    queryKey: reviewKeys.samples(region, phase),
    queryFn: () => api.get<{ items: SampleSummary[] }>(`${REVIEW}/samples`, { region, phase }),
  });
}

/** One sample with its items and findings (read when its panel opens). */
export function useSample(id: number, enabled = true) {
  return useQuery({ queryKey: reviewKeys.sample(id), queryFn: () => api.get<Sample>(`${REVIEW}/samples/${id}`), enabled });
}

export function useDrawSample() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SampleBody) => api.post<Sample>(`${REVIEW}/samples`, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['review', 'qc'] }),
  });
}

export function useRecordFinding(sampleId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SampleItemBody & { sourceId: number }) => api.put<SampleItem>(`${REVIEW}/samples/${sampleId}/items`, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['review', 'qc'] }),
  });
}

export function useQcRates(region: string | undefined, phase: Phase) {
  return useQuery({
    queryKey: [...reviewKeys.rates(region), phase],
    queryFn: () => api.get<{ items: RateRow[]; thresholds?: { errorRateMax: number; omissionRateMax: number } }>(`${REVIEW}/qc/rates`, { region, phase }),
  });
}

export function useRuleCounts(region: string | undefined) {
  return useQuery({ queryKey: reviewKeys.rules(region), queryFn: () => api.get<{ items: RuleRow[]; regionChecks?: RegionCheck[] }>(`${REVIEW}/rules`, { region }) });
}
