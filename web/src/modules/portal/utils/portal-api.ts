// The portal's editing API as the console reads it (docs/portal-api.md, "Editing API").
export const PORTAL = '/api/v1/portal';

export const SECTIONS = ['news', 'notices', 'briefings', 'results'] as const;
export type Section = (typeof SECTIONS)[number];
export const LANGS = ['zh', 'en'] as const;
export type ArticleLang = (typeof LANGS)[number];
export const STATUSES = ['draft', 'review', 'scheduled', 'published', 'unpublished'] as const;
export type ArticleStatus = (typeof STATUSES)[number];
export type Format = 'markdown' | 'html';

export interface ArticleRow {
  id: number;
  storyId: number;
  section: Section;
  slug: string;
  lang: ArticleLang;
  title: string;
  summary: string;
  format: Format;
  publisher: string;
  source: string;
  coverImage: string | null;
  status: ArticleStatus;
  publishAt: string | null;
  publishedAt: string | null;
  reviewNote: string | null;
  views: number;
  version: number;
  createdBy: number | null;
  updatedBy: number | null;
  submittedBy: number | null;
  createdAt: string;
  updatedAt: string;
  datasetId: number | null;
  url: string;
}

export interface Article extends ArticleRow {
  body: string;
  html: string;
  translation: { id: number; lang: ArticleLang; status: ArticleStatus; title: string } | null;
}

/** The fields the editor form holds. */
export interface ArticleFields {
  section: Section;
  slug: string;
  lang: ArticleLang;
  title: string;
  summary: string;
  publisher: string;
  source: string;
  format: Format;
  body: string;
  coverImage: string | null;
  datasetId?: number;
}

export interface HistoryItem { rev: number; status: ArticleStatus; title: string; by: string | null; at: string; note: string | null }
export interface Revision { rev: number; status: ArticleStatus; title: string; summary: string; format: Format; body: string; publisher: string; source: string; coverImage: string | null; note: string | null; at: string }

export interface PortalImage { id: string; name: string; mime: string; width: number; height: number; url: string; thumbUrl: string; createdAt?: string }
export interface PortalLink { id: number; nameZh: string; nameEn: string; url: string; position: number; version: number }
export interface DatasetRow { id: number; titleZh: string; titleEn: string; regionCode: string; createdAt: string }

export const portalKeys = {
  all: ['portal'] as const,
  articles: ['portal', 'articles'] as const,
  article: (id: number) => ['portal', 'article', id] as const,
  history: (id: number) => ['portal', 'history', id] as const,
  revision: (id: number, rev: number) => ['portal', 'revision', id, rev] as const,
  images: ['portal', 'images'] as const,
  links: ['portal', 'links'] as const,
  datasets: ['portal', 'datasets'] as const,
  preview: (format: Format, body: string) => ['portal', 'preview', format, body] as const,
};

export type WorkflowAction = 'edit' | 'submit' | 'approve' | 'reject' | 'unpublish';

/** The statuses each action starts from: the contract's workflow, mirrored so buttons show only where they work. */
const FROM: Record<WorkflowAction, readonly ArticleStatus[]> = {
  edit: ['draft', 'unpublished'],
  submit: ['draft', 'unpublished'],
  approve: ['review'],
  reject: ['review'],
  unpublish: ['scheduled', 'published'],
};
export const allowed = (action: WorkflowAction, status: ArticleStatus) => FROM[action].includes(status);

export const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** The public path an article will have (the server's rule: /en for English). */
export function publicPath(section: Section, slug: string, lang: ArticleLang): string {
  return `${lang === 'en' ? '/en' : ''}/${section}/${slug || '…'}`;
}

/** The Markdown (or HTML) that shows an uploaded image in a body; alt text without brackets that would end it early. */
export function imageMarkup(format: Format, img: Pick<PortalImage, 'url' | 'name'>): string {
  const alt = img.name.replace(/\.[a-z0-9]+$/i, '').replace(/[[\]<>"]/g, '').trim();
  return format === 'html' ? `<img src="${img.url}" alt="${alt}">` : `![${alt}](${img.url})`;
}

/** Inserts `text` into `value` in place of the selection [start, end), on a line of its own; returns the text and the caret after it. */
export function insertAt(value: string, start: number, end: number, text: string): { value: string; caret: number } {
  const before = value.slice(0, start);
  const after = value.slice(end);
  const lead = before === '' || before.endsWith('\n') ? '' : '\n';
  const trail = after === '' || after.startsWith('\n') ? '' : '\n';
  const inserted = `${lead}${text}${trail}`;
  return { value: before + inserted + after, caret: before.length + inserted.length };
}

/** A local date-time input's value (YYYY-MM-DDTHH:mm) as an ISO instant, or undefined when empty. */
export function localToIso(v: string): string | undefined {
  if (!v) return undefined;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** The error codes the editor shows beside a field rather than as a toast. */
export const FIELD_OF_ERROR: Record<string, keyof ArticleFields> = {
  PORTAL_SLUG_TAKEN: 'slug',
  PORTAL_SLUG_INVALID: 'slug',
  PORTAL_TITLE_REQUIRED: 'title',
  PORTAL_BODY_TOO_LARGE: 'body',
  PORTAL_TRANSLATION_EXISTS: 'lang',
};
