-- 门户 the public portal (docs/portal-api.md): stories in four sections, each with a Chinese and
-- an English version that go through draft → review → scheduled / published on their own; every
-- edit kept; images stored once by content; related-site links; the results datasets frozen from
-- approved emission totals; readers counted once per article.

-- A story is one piece of news (or notice, briefing, results page) in up to two languages; its
-- slug is its address in both: /news/<slug> and /en/news/<slug>.
CREATE TABLE portal_stories (
  id          bigserial PRIMARY KEY,
  section     text NOT NULL CHECK (section IN ('news','notices','briefings','results')),
  slug        text NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 80),
  -- the office that publishes it: editors see and edit the stories of their scope
  region_code text NOT NULL REFERENCES regions(code),
  -- results pages render a frozen dataset
  dataset_id  bigint,
  created_by  bigint REFERENCES users(id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (section, slug)
);

CREATE TABLE portal_articles (
  id            bigserial PRIMARY KEY,
  story_id      bigint NOT NULL REFERENCES portal_stories(id),
  lang          text NOT NULL CHECK (lang IN ('zh','en')),
  title         text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  summary       text NOT NULL DEFAULT '',
  -- what the editor wrote (Markdown or HTML), and what the server made of it: sanitised HTML
  -- and its plain text (search, feed summaries)
  format        text NOT NULL CHECK (format IN ('markdown','html')),
  body_source   text NOT NULL,
  body_html     text NOT NULL,
  body_text     text NOT NULL,
  publisher     text NOT NULL DEFAULT '',
  source        text NOT NULL DEFAULT '',
  cover_image   text,
  status        text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','review','scheduled','published','unpublished')),
  -- scheduled: when it goes out; published: when it went out (shown as the publish time)
  publish_at    timestamptz,
  published_at  timestamptz,
  review_note   text,
  views         bigint NOT NULL DEFAULT 0,
  version       integer NOT NULL DEFAULT 1,
  created_by    bigint REFERENCES users(id),
  updated_by    bigint REFERENCES users(id),
  submitted_by  bigint REFERENCES users(id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (story_id, lang)
);
-- the public lists: published, newest first, per language and section (section is the story's;
-- the list joins it)
CREATE INDEX portal_articles_live ON portal_articles (lang, published_at DESC) WHERE status = 'published';
CREATE INDEX portal_articles_due ON portal_articles (publish_at) WHERE status = 'scheduled';

-- Every saved state of an article: its history, readable again.
CREATE TABLE portal_article_revisions (
  article_id  bigint NOT NULL REFERENCES portal_articles(id),
  rev         integer NOT NULL,
  status      text NOT NULL,
  title       text NOT NULL,
  summary     text NOT NULL,
  format      text NOT NULL,
  body_source text NOT NULL,
  publisher   text NOT NULL,
  source      text NOT NULL,
  cover_image text,
  note        text,
  by_user     bigint REFERENCES users(id),
  at          timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (article_id, rev)
);

-- Uploaded images, once per content; the files (re-encoded, and a smaller copy) live under
-- PUCHA_DATA_DIR/portal-images/.
CREATE TABLE portal_images (
  id          text PRIMARY KEY,           -- the first 24 hex of the sha256 of the original
  sha256      text NOT NULL UNIQUE,
  name        text NOT NULL DEFAULT '',
  mime        text NOT NULL,              -- of the stored copy
  width       integer NOT NULL,
  height      integer NOT NULL,
  bytes       integer NOT NULL,           -- of the original upload
  created_by  bigint REFERENCES users(id),
  created_at  timestamptz NOT NULL DEFAULT now()
);

-- 相关链接: the related-sites block.
CREATE TABLE portal_links (
  id        bigserial PRIMARY KEY,
  name_zh   text NOT NULL CHECK (length(name_zh) BETWEEN 1 AND 100),
  name_en   text NOT NULL CHECK (length(name_en) BETWEEN 1 AND 100),
  url       text NOT NULL CHECK (url ~ '^https?://'),
  position  integer NOT NULL DEFAULT 0,
  version   integer NOT NULL DEFAULT 1
);

-- 普查成果: the figures a results page shows, frozen from the approved totals when made.
CREATE TABLE portal_datasets (
  id          bigserial PRIMARY KEY,
  title_zh    text NOT NULL,
  title_en    text NOT NULL,
  region_code text NOT NULL REFERENCES regions(code),
  figures     jsonb NOT NULL,
  created_by  bigint REFERENCES users(id),
  created_at  timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE portal_stories ADD CONSTRAINT portal_stories_dataset_fk FOREIGN KEY (dataset_id) REFERENCES portal_datasets(id);

-- A reader counted once per article: a visitor is the portal's anonymous cookie, or (without
-- it) a hash of address and browser for the day. Crawlers are not counted.
CREATE TABLE portal_views (
  article_id  bigint NOT NULL REFERENCES portal_articles(id),
  visitor     text NOT NULL,
  at          timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (article_id, visitor)
);
