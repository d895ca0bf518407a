-- hop's metadata: half_orm_dev's half_orm_meta schema (same names and columns) plus hop_applied_patch.
-- Idempotent: running it on a database that has it (from half_orm_dev or hop) changes nothing.
CREATE SCHEMA IF NOT EXISTS half_orm_meta;
CREATE SCHEMA IF NOT EXISTS "half_orm_meta.view";

CREATE TABLE IF NOT EXISTS half_orm_meta.hop_release (
    major integer NOT NULL CHECK (major >= 0),
    minor integer NOT NULL CHECK (minor >= 0),
    patch integer NOT NULL CHECK (patch >= 0),
    pre_release text NOT NULL DEFAULT '' CHECK (pre_release IN ('alpha', 'beta', 'rc', '')),
    pre_release_num text NOT NULL DEFAULT '' CHECK (pre_release_num = '' OR pre_release_num ~ '^\d+$'),
    "date" date DEFAULT CURRENT_DATE,
    "time" time(0) with time zone DEFAULT CURRENT_TIME,
    changelog text,
    commit text,
    PRIMARY KEY (major, minor, patch, pre_release, pre_release_num)
);

-- hop: one row per script file applied, so that status can detect drift (sha256 of the file's bytes).
CREATE TABLE IF NOT EXISTS half_orm_meta.hop_applied_patch (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    release text NOT NULL,
    patch_id text NOT NULL,
    file text NOT NULL,
    sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    applied_at timestamp with time zone NOT NULL DEFAULT now(),
    duration interval NOT NULL
);

-- The database version. A production release (pre_release '') comes after its pre-releases, and
-- pre_release_num compares as a number (half_orm_dev's text order put 1.0.0-rc1 after 1.0.0).
CREATE OR REPLACE VIEW "half_orm_meta.view".hop_last_release AS
 SELECT major, minor, patch, pre_release, pre_release_num, "date", "time", changelog, commit
   FROM half_orm_meta.hop_release
  ORDER BY major DESC, minor DESC, patch DESC, (pre_release = '') DESC, pre_release DESC,
        NULLIF(pre_release_num, '')::integer DESC NULLS LAST
 LIMIT 1;

CREATE OR REPLACE VIEW "half_orm_meta.view".hop_penultimate_release AS
 WITH sub AS (
   SELECT major, minor, patch,
          row_number() OVER (ORDER BY major DESC, minor DESC, patch DESC) AS rn
     FROM (SELECT DISTINCT major, minor, patch FROM half_orm_meta.hop_release) AS versions
 )
 SELECT major, minor, patch FROM sub WHERE rn = 2;
