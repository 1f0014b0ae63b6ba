-- 调度与督导 (docs/supervision-api.md): the census calendar and its deadlines by level, each
-- region's readiness and guarantees as reported, dispatches and briefings with the figures they
-- were made from, supervision cases and their history, work channels, notifications, webhooks.

-- The phases of a census, national dates. Pilot counties' own dates stay in phase_dates.
CREATE TABLE census_calendar (
  phase     text PRIMARY KEY CHECK (phase IN ('preparation','pilot','inventory','inventory-acceptance','survey','review','accounting','aggregation','acceptance','publication')),
  position  integer NOT NULL UNIQUE,
  starts_on date NOT NULL,
  ends_on   date NOT NULL,
  weight    integer NOT NULL DEFAULT 1 CHECK (weight BETWEEN 0 AND 10),
  CHECK (ends_on >= starts_on)
);
-- The second census (census-facts §7): 2017 preparation; 2018 inventory and pilots March–June,
-- acceptance in July, survey August–November; review, accounting and aggregation to 2019; the
-- bulletin on 2020-06-10.
INSERT INTO census_calendar (phase, position, starts_on, ends_on, weight) VALUES
  ('preparation',          0, '2017-09-01', '2018-02-28', 0),
  ('pilot',                1, '2018-03-01', '2018-06-30', 0),
  ('inventory',            2, '2018-03-01', '2018-06-30', 3),
  ('inventory-acceptance', 3, '2018-07-01', '2018-07-31', 1),
  ('survey',               4, '2018-08-01', '2018-11-30', 4),
  ('review',               5, '2018-09-01', '2018-12-31', 3),
  ('accounting',           6, '2019-01-01', '2019-03-31', 0),
  ('aggregation',          7, '2019-04-01', '2019-06-30', 0),
  ('acceptance',           8, '2019-07-01', '2019-12-31', 0),
  ('publication',          9, '2020-01-01', '2020-06-10', 0);

-- Deadlines by level inside a phase (Hunan, 2018: survey and review done county 11-10, city 11-20,
-- province 11-30). A level without a row has the phase's end.
CREATE TABLE calendar_deadlines (
  phase   text NOT NULL REFERENCES census_calendar(phase),
  level   text NOT NULL CHECK (level IN ('province','prefecture','county','township')),
  due_on  date NOT NULL,
  PRIMARY KEY (phase, level)
);
INSERT INTO calendar_deadlines (phase, level, due_on) VALUES
  ('survey', 'county', '2018-11-10'), ('survey', 'prefecture', '2018-11-20'), ('survey', 'province', '2018-11-30');

-- 组织与保障: what a region reports about itself. Append-only: the current report is the latest,
-- and a dispatch for an earlier date reads the report standing on that date.
CREATE TABLE readiness_reports (
  id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  region_code        text NOT NULL REFERENCES regions(code),
  reported_on        date NOT NULL,
  leading_group_on   date,
  office_on          date,
  plan_on            date,
  plan_document      text,
  meetings           jsonb NOT NULL DEFAULT '[]',  -- [{ level, heldOn, document }] mobilisation meetings
  in_assessment      boolean NOT NULL DEFAULT false,
  staff_needed       integer NOT NULL DEFAULT 0 CHECK (staff_needed >= 0),
  staff_own          integer NOT NULL DEFAULT 0 CHECK (staff_own >= 0),
  staff_seconded     integer NOT NULL DEFAULT 0 CHECK (staff_seconded >= 0),
  office_space       boolean NOT NULL DEFAULT false,
  network_connected  boolean NOT NULL DEFAULT false,
  funds_budgeted     numeric(16,2) NOT NULL DEFAULT 0 CHECK (funds_budgeted >= 0),
  funds_arrived      numeric(16,2) NOT NULL DEFAULT 0 CHECK (funds_arrived >= 0),
  agency_contracted  boolean NOT NULL DEFAULT false,
  note               text NOT NULL DEFAULT '',
  reported_by        bigint REFERENCES users(id),
  created_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX readiness_reports_region_idx ON readiness_reports (region_code text_pattern_ops, reported_on DESC, id DESC);

-- 双周调度 / 月通报: generated for a date from the data as of that date; the figures are kept as
-- generated, so a published dispatch never changes.
CREATE TABLE dispatches (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind          text NOT NULL CHECK (kind IN ('biweekly','monthly')),
  region_code   text NOT NULL REFERENCES regions(code),   -- the issuing office's region
  as_of         date NOT NULL,
  previous_on   date NOT NULL,
  number        integer,                                   -- 第 N 期 once published
  title         text NOT NULL,
  remarks       text NOT NULL DEFAULT '',
  status        text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','published')),
  figures       jsonb NOT NULL,
  created_by    bigint REFERENCES users(id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  published_by  bigint REFERENCES users(id),
  published_at  timestamptz,
  version       integer NOT NULL DEFAULT 1
);
CREATE INDEX dispatches_region_idx ON dispatches (region_code text_pattern_ops, as_of DESC);
CREATE UNIQUE INDEX dispatches_number_idx ON dispatches (region_code, kind, number) WHERE number IS NOT NULL;

-- 简报: an office's text with live data blocks, shown as of the briefing's date.
CREATE TABLE briefings (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  region_code   text NOT NULL REFERENCES regions(code),
  as_of         date NOT NULL,
  title         text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  blocks        jsonb NOT NULL DEFAULT '[]',   -- [{ kind: 'text', text } | { kind: 'table'|'chart', metric, region }]
  status        text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','published')),
  number        integer,
  created_by    bigint REFERENCES users(id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  published_by  bigint REFERENCES users(id),
  published_at  timestamptz,
  version       integer NOT NULL DEFAULT 1
);
CREATE INDEX briefings_region_idx ON briefings (region_code text_pattern_ops, as_of DESC);

-- 督办: reminder, supervision letter, circular, summons, special inspection, praise.
CREATE TABLE supervision_cases (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  type            text NOT NULL CHECK (type IN ('reminder','letter','circular','summons','inspection','praise')),
  issuer_region   text NOT NULL REFERENCES regions(code),
  target_region   text NOT NULL REFERENCES regions(code),
  number          text NOT NULL,                     -- 督办〔2018〕3号
  title           text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  reasons         text NOT NULL DEFAULT '',
  measures        text NOT NULL DEFAULT '',           -- measures required
  due_on          date,
  status          text NOT NULL DEFAULT 'open' CHECK (status IN ('open','answered','closed','escalated')),
  dispatch_id     bigint REFERENCES dispatches(id),
  lag_score       numeric,                            -- when suggested by the lag score
  escalated_from  bigint REFERENCES supervision_cases(id),
  created_by      bigint REFERENCES users(id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  closed_at       timestamptz,
  version         integer NOT NULL DEFAULT 1
);
CREATE INDEX supervision_cases_target_idx ON supervision_cases (target_region text_pattern_ops, status);
CREATE INDEX supervision_cases_issuer_idx ON supervision_cases (issuer_region text_pattern_ops, status);
CREATE INDEX supervision_cases_due_idx ON supervision_cases (due_on) WHERE status = 'open';

CREATE TABLE case_events (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id     bigint NOT NULL REFERENCES supervision_cases(id),
  kind        text NOT NULL CHECK (kind IN ('open','answer','close','escalate','reopen')),
  text        text NOT NULL DEFAULT '',
  files       jsonb NOT NULL DEFAULT '[]',            -- supervision_files ids (evidence)
  by_user     bigint REFERENCES users(id),            -- null: by rule (overdue escalation)
  at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_events_case_idx ON case_events (case_id, id);

-- Files of supervision (evidence, letters' scans, channel attachments), stored once by hash.
CREATE TABLE supervision_files (
  id           text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9_-]{1,128}$'),
  region_code  text NOT NULL REFERENCES regions(code),
  mime         text NOT NULL,
  bytes        bigint NOT NULL,
  sha256       text NOT NULL,
  name         text,
  uploaded_by  bigint REFERENCES users(id),
  uploaded_at  timestamptz NOT NULL DEFAULT now()
);

-- 工作群: the national channel (region 100000) and one per province, members by real name.
CREATE TABLE channels (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  region_code  text NOT NULL UNIQUE REFERENCES regions(code),
  name         text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE channel_members (
  channel_id  bigint NOT NULL REFERENCES channels(id),
  user_id     bigint NOT NULL REFERENCES users(id),
  duty        text NOT NULL DEFAULT '',               -- 职务 / responsibility shown beside the name
  last_read   bigint NOT NULL DEFAULT 0,              -- the last message id read
  added_by    bigint REFERENCES users(id),
  added_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (channel_id, user_id)
);
CREATE INDEX channel_members_user_idx ON channel_members (user_id);
CREATE TABLE channel_messages (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  channel_id  bigint NOT NULL REFERENCES channels(id),
  kind        text NOT NULL DEFAULT 'message' CHECK (kind IN ('message','dispatch','notice','briefing','case')),
  ref_id      bigint,                                 -- the dispatch, briefing or case posted
  body        text NOT NULL CHECK (length(body) <= 5000),
  mentions    jsonb NOT NULL DEFAULT '[]',            -- user ids
  files       jsonb NOT NULL DEFAULT '[]',            -- supervision_files ids
  author_id   bigint REFERENCES users(id),            -- null: posted by Pucha
  at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX channel_messages_channel_idx ON channel_messages (channel_id, id DESC);

CREATE TABLE notifications (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id     bigint NOT NULL REFERENCES users(id),
  kind        text NOT NULL CHECK (kind IN ('mention','case','dispatch','briefing','notice')),
  ref_id      bigint,
  channel_id  bigint REFERENCES channels(id),
  text        text NOT NULL,
  at          timestamptz NOT NULL DEFAULT now(),
  read_at     timestamptz
);
CREATE INDEX notifications_user_idx ON notifications (user_id, id DESC);

-- Outgoing webhooks: every message of a channel is relayed to the office's own messenger,
-- signed (HMAC-SHA256 with the hook's secret), retried with back-off.
CREATE TABLE channel_webhooks (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  channel_id  bigint NOT NULL REFERENCES channels(id),
  url         text NOT NULL CHECK (url ~ '^https?://'),
  secret      text NOT NULL,
  active      boolean NOT NULL DEFAULT true,
  created_by  bigint REFERENCES users(id),
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE webhook_deliveries (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  webhook_id  bigint NOT NULL REFERENCES channel_webhooks(id),
  message_id  bigint NOT NULL REFERENCES channel_messages(id),
  status      text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','sent','failed')),
  attempts    integer NOT NULL DEFAULT 0,
  next_at     timestamptz NOT NULL DEFAULT now(),
  last_status integer,
  last_error  text,
  UNIQUE (webhook_id, message_id)
);
CREATE INDEX webhook_deliveries_pending_idx ON webhook_deliveries (next_at) WHERE status = 'pending';
