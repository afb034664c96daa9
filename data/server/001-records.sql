-- 001-records.sql — the district server's schema, version 1: every synced record, the changes it
-- has applied and the conflicts it kept.
--
-- A record is one row of a laptop's synced table (caseload-store schema 2), kept whole as jsonb
-- under (tbl, key) as the laptop names it. Each write takes the next server position (seq), so a
-- laptop pulls what changed after the last position it saw; a deleted record stays as a tombstone
-- (row NULL) for the laptops that still have it. Applied in one transaction by the client.

CREATE SCHEMA IF NOT EXISTS caseload;

CREATE TABLE IF NOT EXISTS caseload.meta (
  key   text PRIMARY KEY,
  value text NOT NULL
);

CREATE SEQUENCE IF NOT EXISTS caseload.positions;

CREATE TABLE IF NOT EXISTS caseload.records (
  tbl        text NOT NULL,
  key        text NOT NULL,
  student_id text,
  row        jsonb,                      -- NULL: deleted
  seq        bigint NOT NULL,
  changed_by text NOT NULL DEFAULT current_user,
  changed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tbl, key)
);
CREATE INDEX IF NOT EXISTS records_by_seq ON caseload.records (seq);
CREATE INDEX IF NOT EXISTS records_by_student ON caseload.records (student_id);

-- Each change a laptop pushed, by its id: a push repeated after it was cut off applies once and
-- gets the same answer.
CREATE TABLE IF NOT EXISTS caseload.changes (
  change_id  uuid PRIMARY KEY,
  result     text NOT NULL,              -- 'applied', 'merged', 'conflict' or 'unchanged'
  seq        bigint,
  pushed_by  text NOT NULL DEFAULT current_user,
  pushed_at  timestamptz NOT NULL DEFAULT now()
);

-- A field two people changed: the server's value stands (it arrived first), the other is kept.
CREATE TABLE IF NOT EXISTS caseload.conflicts (
  id          bigserial PRIMARY KEY,
  change_id   uuid NOT NULL,
  tbl         text NOT NULL,
  key         text NOT NULL,
  student_id  text,
  field       text NOT NULL,             -- '*' for a record deleted on one side, edited on the other
  theirs      jsonb,                     -- the value the server kept
  mine        jsonb,                     -- the value this change brought
  theirs_by   text,
  theirs_at   timestamptz,
  mine_by     text NOT NULL DEFAULT current_user,
  mine_at     timestamptz
);
CREATE INDEX IF NOT EXISTS conflicts_by_change ON caseload.conflicts (change_id);

-- Applies one pushed change with a per-field merge against @base, the row the laptop started
-- from: a field the laptop changed is written when the server still has the base's value (or the
-- same new value); when someone else changed it first, their value stays and a conflict keeps
-- this one. Returns the result, also kept in caseload.changes.
CREATE OR REPLACE FUNCTION caseload.apply_change (p_change_id  uuid,
                                                   p_tbl        text,
                                                   p_key        text,
                                                   p_student_id text,
                                                   p_base       jsonb,
                                                   p_row        jsonb,
                                                   p_at         timestamptz)
RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
  done      text;
  current   caseload.records%ROWTYPE;
  merged    jsonb;
  field     text;
  conflicts integer := 0;
  changed   integer := 0;
  result    text;
  position  bigint;
BEGIN
  SELECT c.result INTO done FROM caseload.changes c WHERE c.change_id = p_change_id;
  IF FOUND THEN
    RETURN done;
  END IF;
  -- One writer at a time takes positions, so a pull after position N never misses a write that
  -- commits later with a smaller one.
  PERFORM pg_advisory_xact_lock (hashtext ('caseload.positions'));

  SELECT * INTO current FROM caseload.records r WHERE r.tbl = p_tbl AND r.key = p_key FOR UPDATE;

  IF NOT FOUND OR current.row IS NULL AND p_base IS NULL THEN
    -- New here (or created again after a delete both sides saw).
    IF p_row IS NULL THEN
      result := 'unchanged';
    ELSE
      merged := p_row;
      result := 'applied';
    END IF;
  ELSIF current.row IS NULL THEN
    -- Someone deleted what this change edited: the delete stands, the edit is kept.
    IF p_row IS NOT NULL THEN
      INSERT INTO caseload.conflicts (change_id, tbl, key, student_id, field, theirs, mine, theirs_by, theirs_at, mine_at)
      VALUES (p_change_id, p_tbl, p_key, p_student_id, '*', NULL, p_row, current.changed_by, current.changed_at, p_at);
      result := 'conflict';
    ELSE
      result := 'unchanged';
    END IF;
  ELSIF p_row IS NULL THEN
    -- A delete: it stands only when nobody changed the record since the laptop's base.
    IF p_base IS NOT NULL AND current.row = p_base THEN
      merged := NULL;
      result := 'applied';
    ELSE
      INSERT INTO caseload.conflicts (change_id, tbl, key, student_id, field, theirs, mine, theirs_by, theirs_at, mine_at)
      VALUES (p_change_id, p_tbl, p_key, p_student_id, '*', current.row, NULL, current.changed_by, current.changed_at, p_at);
      result := 'conflict';
    END IF;
  ELSE
    merged := current.row;
    FOR field IN SELECT jsonb_object_keys (p_row) LOOP
      CONTINUE WHEN p_base IS NOT NULL AND (p_base -> field) IS NOT DISTINCT FROM (p_row -> field);
      IF (current.row -> field) IS NOT DISTINCT FROM (p_row -> field) THEN
        CONTINUE;
      ELSIF p_base IS NOT NULL AND (current.row -> field) IS NOT DISTINCT FROM (p_base -> field) THEN
        merged := jsonb_set (merged, ARRAY[field], p_row -> field, true);
        changed := changed + 1;
      ELSE
        INSERT INTO caseload.conflicts (change_id, tbl, key, student_id, field, theirs, mine, theirs_by, theirs_at, mine_at)
        VALUES (p_change_id, p_tbl, p_key, p_student_id, field, current.row -> field, p_row -> field,
                current.changed_by, current.changed_at, p_at);
        conflicts := conflicts + 1;
      END IF;
    END LOOP;
    result := CASE WHEN conflicts > 0 THEN 'conflict' WHEN changed > 0 THEN 'merged' ELSE 'unchanged' END;
    IF changed = 0 THEN
      merged := current.row;
    END IF;
  END IF;

  IF result IN ('applied', 'merged') OR (result = 'conflict' AND changed > 0) THEN
    position := nextval ('caseload.positions');
    INSERT INTO caseload.records AS r (tbl, key, student_id, row, seq)
    VALUES (p_tbl, p_key, p_student_id, merged, position)
    ON CONFLICT (tbl, key) DO UPDATE
      SET row = EXCLUDED.row, seq = EXCLUDED.seq, student_id = COALESCE (EXCLUDED.student_id, r.student_id),
          changed_by = current_user, changed_at = now();
  END IF;
  INSERT INTO caseload.changes (change_id, result, seq) VALUES (p_change_id, result, position);
  RETURN result;
END;
$$;

INSERT INTO caseload.meta (key, value) VALUES ('schema_version', '1')
ON CONFLICT (key) DO NOTHING;
