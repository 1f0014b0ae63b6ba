-- Pinyin search of sources ("huayu" or "hydq" finds 乐清市华宇电气有限公司): the pinyin
-- of the name's core and its initials, written by the application with the name
-- (src/domains/directory/rules/name-pinyin.ts), searched by prefix.
ALTER TABLE sources ADD COLUMN name_pinyin text NOT NULL DEFAULT '';
ALTER TABLE sources ADD COLUMN name_initials text NOT NULL DEFAULT '';
CREATE INDEX sources_pinyin_idx ON sources (name_pinyin text_pattern_ops);
CREATE INDEX sources_initials_idx ON sources (name_initials text_pattern_ops);
