// Table types of the public portal (门户: stories, articles and their revisions, images, links,
// results datasets, readers), part of schema.ts. See migrations/0015_portal.sql.
import type { Generated } from 'kysely';
import type { Json, NullableTimestamp, Timestamp } from './column-types.ts';

export type PortalSection = 'news' | 'notices' | 'briefings' | 'results';
export type PortalLang = 'zh' | 'en';
export type PortalStatus = 'draft' | 'review' | 'scheduled' | 'published' | 'unpublished';
export type PortalFormat = 'markdown' | 'html';

export interface PortalStoriesTable {
  id: Generated<number>;
  section: PortalSection;
  slug: string;
  region_code: string;
  dataset_id: number | null;
  created_by: number | null;
  created_at: Timestamp;
}
export interface PortalArticlesTable {
  id: Generated<number>;
  story_id: number;
  lang: PortalLang;
  title: string;
  summary: Generated<string>;
  format: PortalFormat;
  body_source: string;
  body_html: string;
  body_text: string;
  publisher: Generated<string>;
  source: Generated<string>;
  cover_image: string | null;
  status: Generated<PortalStatus>;
  publish_at: NullableTimestamp;
  published_at: NullableTimestamp;
  review_note: string | null;
  views: Generated<number>;
  version: Generated<number>;
  created_by: number | null;
  updated_by: number | null;
  submitted_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export interface PortalArticleRevisionsTable {
  article_id: number;
  rev: number;
  status: PortalStatus;
  title: string;
  summary: string;
  format: PortalFormat;
  body_source: string;
  publisher: string;
  source: string;
  cover_image: string | null;
  note: string | null;
  by_user: number | null;
  at: Timestamp;
}
export interface PortalImagesTable {
  id: string;
  sha256: string;
  name: Generated<string>;
  mime: string;
  width: number;
  height: number;
  bytes: number;
  created_by: number | null;
  created_at: Timestamp;
}
export interface PortalLinksTable {
  id: Generated<number>;
  name_zh: string;
  name_en: string;
  url: string;
  position: Generated<number>;
  version: Generated<number>;
}
export interface PortalDatasetsTable {
  id: Generated<number>;
  title_zh: string;
  title_en: string;
  region_code: string;
  figures: Json;
  created_by: number | null;
  created_at: Timestamp;
}
export interface PortalViewsTable {
  article_id: number;
  visitor: string;
  at: Timestamp;
}
