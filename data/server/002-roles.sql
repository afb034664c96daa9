-- 002-roles.sql — the district server's schema, version 2: who sees and writes what, enforced by
-- PostgreSQL itself (grants and row-level security), so the rule holds for psql as for Caseload.
--
-- Three group roles, cluster-wide names (a cluster can hold other databases): a case manager reads
-- and writes the students whose case manager they are; a principal reads the students of their
-- schools; an admin reads and writes everything. Everyone reads the district's schools, staff and
-- calendars. A login is tied to a staff member or to schools in caseload.logins.

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'caseload_case_manager') THEN
    CREATE ROLE caseload_case_manager NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'caseload_principal') THEN
    CREATE ROLE caseload_principal NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'caseload_admin') THEN
    CREATE ROLE caseload_admin NOLOGIN;
  END IF;
END;
$$;

CREATE TABLE IF NOT EXISTS caseload.logins (
  login    name PRIMARY KEY,
  role     text NOT NULL CHECK (role IN ('case_manager', 'principal', 'admin')),
  staff_id text,
  schools  text[] NOT NULL DEFAULT '{}'
);

-- What the login running the query is: 'admin' for the schema's owner and superusers.
CREATE OR REPLACE FUNCTION caseload.my_role ()
RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = caseload, pg_temp AS $$
  SELECT CASE
    WHEN (SELECT rolsuper FROM pg_roles WHERE rolname = session_user) THEN 'admin'
    WHEN session_user = (SELECT nspowner::regrole::name FROM pg_namespace WHERE nspname = 'caseload') THEN 'admin'
    ELSE (SELECT l.role FROM caseload.logins l WHERE l.login = session_user)
  END
$$;

-- Whether the current login may read (@write false) or write the records of @student_id; NULL
-- names the district's own records (schools, staff, calendars), which everyone reads and only an
-- admin writes. A student is judged by their record as the server has it, or, for a student not
-- there yet, by @student_row (the row being written).
CREATE OR REPLACE FUNCTION caseload.may (p_student_id text, p_write boolean, p_student_row jsonb DEFAULT NULL)
RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = caseload, pg_temp AS $$
DECLARE
  me      caseload.logins%ROWTYPE;
  role    text := caseload.my_role ();
  student jsonb;
BEGIN
  IF role = 'admin' THEN
    RETURN true;
  ELSIF role IS NULL THEN
    RETURN false;
  ELSIF p_student_id IS NULL THEN
    RETURN NOT p_write;
  END IF;
  SELECT * INTO me FROM caseload.logins WHERE login = session_user;
  SELECT r.row INTO student FROM caseload.records r WHERE r.tbl = 'students' AND r.key = p_student_id;
  student := COALESCE (student, p_student_row);
  IF student IS NULL THEN
    RETURN false;
  ELSIF role = 'case_manager' THEN
    RETURN student ->> 'case_manager_id' = me.staff_id
           AND (p_student_row IS NULL OR p_student_row ->> 'case_manager_id' = me.staff_id);
  ELSE
    RETURN NOT p_write AND student ->> 'school_id' = ANY (me.schools);
  END IF;
END;
$$;

ALTER TABLE caseload.records ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS records_read ON caseload.records;
CREATE POLICY records_read ON caseload.records FOR SELECT USING (caseload.may (student_id, false));

ALTER TABLE caseload.conflicts ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS conflicts_read ON caseload.conflicts;
CREATE POLICY conflicts_read ON caseload.conflicts FOR SELECT USING (caseload.may (student_id, false));

-- Reading is by grant and policy; writing only through caseload.apply_change, which checks.
REVOKE ALL ON ALL TABLES IN SCHEMA caseload FROM PUBLIC;
GRANT USAGE ON SCHEMA caseload TO caseload_case_manager, caseload_principal, caseload_admin;
GRANT SELECT ON caseload.meta, caseload.records, caseload.conflicts
  TO caseload_case_manager, caseload_principal, caseload_admin;
REVOKE ALL ON FUNCTION caseload.apply_change (uuid, text, text, text, jsonb, jsonb, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION caseload.apply_change (uuid, text, text, text, jsonb, jsonb, timestamptz)
  TO caseload_case_manager, caseload_principal, caseload_admin;

-- The one way a login writes: the change is checked against the login's role first, and a change
-- it may not make is answered 'refused' (and remembered, like every answer, under its id).
CREATE OR REPLACE FUNCTION caseload.push_change (p_change_id  uuid,
                                                  p_tbl        text,
                                                  p_key        text,
                                                  p_student_id text,
                                                  p_base       jsonb,
                                                  p_row        jsonb,
                                                  p_at         timestamptz)
RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = caseload, pg_temp AS $$
DECLARE
  done text;
BEGIN
  SELECT c.result INTO done FROM caseload.changes c WHERE c.change_id = p_change_id;
  IF FOUND THEN
    RETURN done;
  END IF;
  IF NOT caseload.may (p_student_id, true, CASE WHEN p_tbl = 'students' THEN p_row END) THEN
    INSERT INTO caseload.changes (change_id, result) VALUES (p_change_id, 'refused');
    RETURN 'refused';
  END IF;
  RETURN caseload.apply_change (p_change_id, p_tbl, p_key, p_student_id, p_base, p_row, p_at);
END;
$$;

REVOKE ALL ON FUNCTION caseload.apply_change (uuid, text, text, text, jsonb, jsonb, timestamptz)
  FROM caseload_case_manager, caseload_principal, caseload_admin;
REVOKE ALL ON FUNCTION caseload.push_change (uuid, text, text, text, jsonb, jsonb, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION caseload.push_change (uuid, text, text, text, jsonb, jsonb, timestamptz)
  TO caseload_case_manager, caseload_principal, caseload_admin;

-- A login for @login tied to its role and to a staff member or schools; run by an admin (a
-- login that may create roles). The password goes in as SCRAM, never stored in the clear.
CREATE OR REPLACE FUNCTION caseload.add_user (p_login name, p_password text, p_role text, p_staff_id text,
                                              p_schools text[])
RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF p_role NOT IN ('case_manager', 'principal', 'admin') THEN
    RAISE EXCEPTION 'the role is case_manager, principal or admin, not %', p_role;
  END IF;
  IF p_role = 'case_manager' AND p_staff_id IS NULL THEN
    RAISE EXCEPTION 'a case manager''s login needs the staff member it is (--staff)';
  END IF;
  IF p_role = 'principal' AND cardinality (COALESCE (p_schools, '{}')) = 0 THEN
    RAISE EXCEPTION 'a principal''s login needs their schools (--school)';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_login) THEN
    EXECUTE format ('CREATE ROLE %I LOGIN', p_login);
  END IF;
  IF p_password IS NOT NULL THEN
    SET LOCAL password_encryption = 'scram-sha-256';
    EXECUTE format ('ALTER ROLE %I PASSWORD %L', p_login, p_password);
  END IF;
  EXECUTE format ('GRANT %I TO %I', 'caseload_' || p_role, p_login);
  INSERT INTO caseload.logins (login, role, staff_id, schools)
  VALUES (p_login, p_role, p_staff_id, COALESCE (p_schools, '{}'))
  ON CONFLICT (login) DO UPDATE SET role = EXCLUDED.role, staff_id = EXCLUDED.staff_id, schools = EXCLUDED.schools;
END;
$$;
REVOKE ALL ON FUNCTION caseload.add_user (name, text, text, text, text[]) FROM PUBLIC;
