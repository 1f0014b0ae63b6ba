import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, isApiError } from '../../../api/client.ts';
import type { Totals } from '../../emissions/utils/emissions-api.ts';
import {
  geoPath, progressPath, readinessPath, SUP, supervisionKeys, trendPath,
  type Calendar, type Case, type Progress, type Readiness, type ReadinessHistory, type Trend,
} from '../utils/supervision-api.ts';

export function useProgress(region: string, asOf: string) {
  return useQuery({ queryKey: supervisionKeys.progress(region, asOf), queryFn: () => api.get<Progress>(progressPath(region, asOf)), placeholderData: keepPreviousData });
}

export function useTrend(region: string, metric: string, to: string, enabled: boolean) {
  return useQuery({ queryKey: supervisionKeys.trend(region, metric, to), queryFn: () => api.get<Trend>(trendPath(region, metric, to)), enabled: enabled && !!region });
}

export function useReadiness(region: string, asOf: string) {
  return useQuery({ queryKey: supervisionKeys.readiness(region, asOf), queryFn: () => api.get<Readiness>(readinessPath(region, asOf)), placeholderData: keepPreviousData });
}

export function useReadinessHistory(code: string | null) {
  return useQuery({ queryKey: supervisionKeys.history(code ?? ''), queryFn: () => api.get<ReadinessHistory>(`${SUP}/readiness/${code}`), enabled: !!code });
}

export function useCalendar() {
  return useQuery({ queryKey: supervisionKeys.calendar, queryFn: () => api.get<Calendar>(`${SUP}/calendar`) });
}

export function useOpenCases(enabled: boolean) {
  return useQuery({ queryKey: supervisionKeys.openCases, queryFn: () => api.get<{ items: Case[] }>(`${SUP}/cases`, { direction: 'issued', status: 'open' }), enabled });
}

/** The emission totals of a region's children (for the SO2 metric). */
export function useChildTotals(region: string, enabled: boolean) {
  return useQuery({ queryKey: ['emissions', 'totals', region], queryFn: () => api.get<Totals>('/api/v1/accounting/totals', { region }), enabled: enabled && !!region, staleTime: 0 });
}

/** The GeoJSON of a region's children; `null` when the server has none (counties and below: GEO_NOT_AVAILABLE). */
export function useGeo(code: string) {
  return useQuery({
    queryKey: supervisionKeys.geo(code),
    queryFn: async () => {
      try {
        return await api.get<object>(geoPath(code));
      } catch (e) {
        if (isApiError(e) && (e.code === 'GEO_NOT_AVAILABLE' || e.status === 404)) return null;
        throw e;
      }
    },
    enabled: !!code,
    staleTime: Infinity,
  });
}
