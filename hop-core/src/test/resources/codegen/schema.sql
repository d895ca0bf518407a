CREATE SCHEMA shop;
CREATE TYPE shop.mood AS ENUM ('sad', 'ok', 'happy', 'in progress');
COMMENT ON TYPE shop.mood IS 'How it feels.';
CREATE DOMAIN shop.positive_int AS integer CHECK (VALUE > 0);
CREATE TABLE shop.all_types (
  id serial PRIMARY KEY,
  small int2, regular int4, big int8, amount numeric(12,3), real_value float4, double_value float8,
  flag bool, note text, code varchar(20), letter char(3), day date, at_local timestamp, at_zone timestamptz,
  clock time, token uuid, payload bytea, doc json, docb jsonb, numbers int4[], words text[], mood shop.mood,
  moods shop.mood[], positive shop.positive_int, address inet
);
COMMENT ON TABLE shop.all_types IS 'Every mapped type.';
COMMENT ON COLUMN shop.all_types.note IS 'Free text.';
CREATE DOMAIN shop.flags AS bit(3);
CREATE TABLE shop.modded (
  id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  bits bit(3), varbits varbit(5), letters char(4), short_text varchar(5), money numeric(6,2), clock time(2),
  at_local timestamp(3), span interval day to second(1), bit_list bit(3)[], letter_list char(2)[],
  amounts numeric(5,1)[], flags shop.flags,
  total numeric(8,2) GENERATED ALWAYS AS (money * 2) STORED
);
CREATE TABLE shop."order" (id int PRIMARY KEY, "class" text, "2fa" bool, "User Name" text, "mixedCase" int);
CREATE TABLE shop.order_line (order_id int NOT NULL REFERENCES shop."order"(id), line int NOT NULL,
  qty int DEFAULT 1, PRIMARY KEY (line, order_id));
CREATE TABLE shop.event_log (happened timestamptz DEFAULT now(), message text);
CREATE VIEW shop.big_orders AS SELECT id, "User Name" FROM shop."order" WHERE id > 100;
CREATE MATERIALIZED VIEW shop.mood_counts AS SELECT mood, count(*) AS n FROM shop.all_types GROUP BY mood;
CREATE TABLE shop.partitioned (id int, k int) PARTITION BY RANGE (k);
CREATE TABLE shop.partitioned_1 PARTITION OF shop.partitioned FOR VALUES FROM (0) TO (10);
CREATE SCHEMA "Odd Schema";
CREATE TABLE "Odd Schema"."User Name" (id int PRIMARY KEY, "class" text);
CREATE TABLE "Odd Schema"."2fa" (id int PRIMARY KEY);
CREATE SCHEMA half_orm_meta;
CREATE TABLE half_orm_meta.hop_release (major int);
CREATE SCHEMA "half_orm_meta.view";
CREATE VIEW "half_orm_meta.view".hop_last_release AS SELECT 1 AS major;
