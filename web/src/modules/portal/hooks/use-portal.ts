import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, fileForm } from '../../../api/client.ts';
import { useCursorList } from '../../ui/hooks/use-cursor-list.ts';
import {
  PORTAL, portalKeys,
  type Article, type ArticleFields, type ArticleRow, type DatasetRow, type Format, type HistoryItem, type PortalImage, type PortalLink, type Revision,
} from '../utils/portal-api.ts';

export interface ArticleFilter { section?: string; lang?: string; status?: string; q?: string }

export function useArticles(f: ArticleFilter) {
  return useCursorList<ArticleRow>(portalKeys.articles, `${PORTAL}/articles`, { ...f, limit: 50 });
}

export function useArticle(id: number) {
  return useQuery({ queryKey: portalKeys.article(id), queryFn: () => api.get<Article>(`${PORTAL}/articles/${id}`), enabled: id > 0 });
}

/** Everything an article change can move: its page, the list, its other language (which names its status) and its history. */
function useInvalidate() {
  const qc = useQueryClient();
  return (a?: Article) => {
    void qc.invalidateQueries({ queryKey: portalKeys.articles });
    if (a) {
      qc.setQueryData(portalKeys.article(a.id), a);
      void qc.invalidateQueries({ queryKey: portalKeys.history(a.id) });
      if (a.translation) void qc.invalidateQueries({ queryKey: portalKeys.article(a.translation.id) });
    }
  };
}

export type NewArticle = Partial<ArticleFields> & { lang: ArticleFields['lang']; title: string; format: Format; body: string; translationOf?: number };

export function useCreateArticle() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (b: NewArticle) => api.post<Article>(`${PORTAL}/articles`, b),
    onSuccess: (a) => {
      done(a);
    },
  });
}

export type ArticleStep =
  | { action: 'edit'; body: Partial<ArticleFields> & { version: number } }
  | { action: 'submit'; body: { version: number } }
  | { action: 'approve'; body: { version: number; publishAt?: string } }
  | { action: 'reject'; body: { version: number; reason: string } }
  | { action: 'unpublish'; body: { version: number; reason?: string } };

export function useArticleStep(id: number) {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (s: ArticleStep) =>
      s.action === 'edit' ? api.patch<Article>(`${PORTAL}/articles/${id}`, s.body) : api.post<Article>(`${PORTAL}/articles/${id}/${s.action}`, s.body),
    onSuccess: (a) => done(a),
  });
}

export function useHistory(id: number, enabled: boolean) {
  return useQuery({ queryKey: portalKeys.history(id), queryFn: () => api.get<{ items: HistoryItem[] }>(`${PORTAL}/articles/${id}/history`).then((r) => r.items), enabled });
}

export function useRevision(id: number, rev: number | null) {
  return useQuery({ queryKey: portalKeys.revision(id, rev ?? 0), queryFn: () => api.get<Revision>(`${PORTAL}/articles/${id}/history/${rev}`), enabled: rev !== null });
}

/** The page's HTML for a body, as the server will render it; the previous answer stays while the next one loads. */
export function usePreview(format: Format, body: string) {
  return useQuery({
    queryKey: portalKeys.preview(format, body),
    queryFn: () => api.post<{ html: string }>(`${PORTAL}/preview`, { format, body }).then((r) => r.html),
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    retry: false,
  });
}

export function useImages(enabled = true) {
  return useQuery({ queryKey: portalKeys.images, queryFn: () => api.get<{ items: PortalImage[] }>(`${PORTAL}/images`, { limit: 200 }).then((r) => r.items), enabled });
}

export function useUploadImage() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => api.upload<PortalImage>(`${PORTAL}/images`, fileForm('file', file)),
    onSuccess: () => void qc.invalidateQueries({ queryKey: portalKeys.images }),
  });
}

export function useLinks() {
  return useQuery({ queryKey: portalKeys.links, queryFn: () => api.get<{ items: PortalLink[] }>(`${PORTAL}/links`).then((r) => r.items) });
}

export type LinkChange =
  | { action: 'create'; body: { nameZh: string; nameEn: string; url: string; position?: number } }
  | { action: 'edit'; id: number; body: { version: number; nameZh?: string; nameEn?: string; url?: string; position?: number } }
  | { action: 'delete'; id: number };

export function useLinkChange() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (c: LinkChange): Promise<PortalLink | void> =>
      c.action === 'create' ? api.post<PortalLink>(`${PORTAL}/links`, c.body)
        : c.action === 'edit' ? api.patch<PortalLink>(`${PORTAL}/links/${c.id}`, c.body)
          : api.delete(`${PORTAL}/links/${c.id}`),
    onSettled: () => void qc.invalidateQueries({ queryKey: portalKeys.links }),
  });
}

export function useDatasets() {
  return useQuery({ queryKey: portalKeys.datasets, queryFn: () => api.get<{ items: DatasetRow[] }>(`${PORTAL}/datasets`).then((r) => r.items) });
}

export function useCreateDataset() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: { titleZh: string; titleEn: string; region?: string }) => api.post<DatasetRow>(`${PORTAL}/datasets`, b),
    onSuccess: () => void qc.invalidateQueries({ queryKey: portalKeys.datasets }),
  });
}
