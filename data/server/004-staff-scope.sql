-- 004-staff-scope.sql — the district server's schema, version 4: a login reads the staff and the
-- calendar links of the schools it works at, not the whole state's.
--
-- Up to version 3 every login read every district record (student_id NULL). At a million students
-- that is 55,000 staff records and 8,700 school calendar links on every laptop, over half of a
-- principal's first sync. Staff have no school of their own: the staff of a school are the case
-- managers and meeting team members of its students. A login works at its own schools (a
-- principal's) and at the schools of the students it reads (a case manager's), and reads their
-- staff, its own staff record, and those schools' calendar links — everyone its students' files
-- name, so the laptop shows a name for each. Schools and calendars stay readable by every login:
-- they are few, and a case manager moving a student picks the new school from them. An admin
-- still reads everything.

-- A school's meeting team members are found through its students' invitee records: this index
-- reads those alone, not every record of each student (a pull's staff at a million students:
-- from 50,000 pages read to 2,000). Built once, on upgrade, in about a minute at that size.
CREATE INDEX IF NOT EXISTS records_invitees_by_student ON caseload.records (student_id) WHERE tbl = 'invitees';

-- The school a school_calendars record belongs to, from its key ("school_id/position"): a
-- tombstone has no row to read it from.
CREATE OR REPLACE FUNCTION caseload.key_school (p_key text)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT regexp_replace (p_key, '/[^/]*$', '')
$$;

-- The schools the current login works at: a principal's own, and those of the students it reads.
CREATE OR REPLACE FUNCTION caseload.readable_schools ()
RETURNS SETOF text
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = caseload, pg_temp AS $$
DECLARE
  me   caseload.logins%ROWTYPE;
  role text := caseload.my_role ();
BEGIN
  IF role IS NULL OR role = 'admin' THEN
    RETURN;
  END IF;
  SELECT * INTO me FROM caseload.logins WHERE login = session_user;
  -- A principal reads exactly the students of its schools: nothing to look up.
  IF role = 'principal' THEN
    RETURN QUERY SELECT DISTINCT unnest (me.schools);
    RETURN;
  END IF;
  RETURN QUERY SELECT unnest (me.schools)
               UNION
               SELECT r.row ->> 'school_id' FROM caseload.records r
                WHERE r.tbl = 'students' AND r.key IN (SELECT caseload.readable_students ());
END;
$$;

-- The staff who work at @p_schools: the case managers of their students and the staff on their
-- students' meeting teams. A definer, so that the students are found through the index on their
-- school (under row-level security a login's own query cannot use it, and reads every student of
-- the state); it answers only for the schools the current login works at (an admin: any).
CREATE OR REPLACE FUNCTION caseload.staff_of_schools (p_schools text[])
RETURNS SETOF text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = caseload, pg_temp AS $$
  WITH students AS (
    SELECT s.key, s.row ->> 'case_manager_id' AS case_manager_id FROM caseload.records s
     WHERE s.tbl = 'students'
       AND s.row ->> 'school_id' = ANY (ARRAY (SELECT id FROM unnest (p_schools) AS id
                                               WHERE caseload.my_role () = 'admin'
                                                  OR id IN (SELECT caseload.readable_schools ()))))
  SELECT case_manager_id FROM students WHERE case_manager_id IS NOT NULL
  UNION
  SELECT i.row ->> 'staff_id' FROM caseload.records i
   WHERE i.student_id IN (SELECT key FROM students) AND i.tbl = 'invitees' AND i.row ->> 'staff_id' IS NOT NULL
$$;

-- The ids of @p_school's students that the current login reads (an admin: all of them), found
-- through the index on their school, which a login's own query under row-level security cannot use
-- (caseload-cli alerts --url --school as a principal read every student of the state).
CREATE OR REPLACE FUNCTION caseload.school_students (p_school text)
RETURNS SETOF text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = caseload, pg_temp AS $$
  SELECT r.key FROM caseload.records r
   WHERE r.tbl = 'students' AND r.row ->> 'school_id' = p_school
     AND (caseload.my_role () = 'admin' OR r.key IN (SELECT caseload.readable_students ()))
$$;

-- The staff ids the current login reads (none for an admin, who reads everything, and for a login
-- Caseload does not know): its own and those of the schools it works at.
CREATE OR REPLACE FUNCTION caseload.readable_staff ()
RETURNS SETOF text
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = caseload, pg_temp AS $$
DECLARE
  me   caseload.logins%ROWTYPE;
  role text := caseload.my_role ();
BEGIN
  IF role IS NULL OR role = 'admin' THEN
    RETURN;
  END IF;
  SELECT * INTO me FROM caseload.logins WHERE login = session_user;
  RETURN QUERY SELECT me.staff_id WHERE me.staff_id IS NOT NULL
               UNION
               SELECT caseload.staff_of_schools (ARRAY (SELECT caseload.readable_schools ()));
END;
$$;

REVOKE ALL ON FUNCTION caseload.readable_schools () FROM PUBLIC;
REVOKE ALL ON FUNCTION caseload.readable_staff () FROM PUBLIC;
REVOKE ALL ON FUNCTION caseload.staff_of_schools (text[]) FROM PUBLIC;
REVOKE ALL ON FUNCTION caseload.school_students (text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION caseload.readable_schools (), caseload.readable_staff (), caseload.staff_of_schools (text[]),
                          caseload.school_students (text)
  TO caseload_case_manager, caseload_principal, caseload_admin;

-- As in version 3, the subqueries have no reference to the row: PostgreSQL runs each once per
-- query (and only when a row needs it).
DROP POLICY IF EXISTS records_read ON caseload.records;
CREATE POLICY records_read ON caseload.records FOR SELECT USING (
  (SELECT caseload.my_role ()) = 'admin'
  OR student_id IN (SELECT caseload.readable_students ())
  OR (student_id IS NULL AND (SELECT caseload.my_role ()) IS NOT NULL
      AND CASE tbl
            WHEN 'staff' THEN key IN (SELECT caseload.readable_staff ())
            WHEN 'school_calendars' THEN caseload.key_school (key) IN (SELECT caseload.readable_schools ())
            ELSE true
          END));
