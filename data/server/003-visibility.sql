-- 003-visibility.sql — the district server's schema, version 3: who reads what, decided once per
-- query instead of once per record.
--
-- Version 2 judged every record with caseload.may(), a function call (and a lookup of the
-- student) per row: a principal's first pull on a server of 100,000 students took a minute. The
-- rule is the same; the students a login reads are now one set, computed once and hashed by the
-- planner, and found through indexes on the student records' case manager and school.

CREATE INDEX IF NOT EXISTS records_students_by_case_manager
  ON caseload.records ((row ->> 'case_manager_id')) WHERE tbl = 'students';
CREATE INDEX IF NOT EXISTS records_students_by_school
  ON caseload.records ((row ->> 'school_id')) WHERE tbl = 'students';

-- The ids of the students the current login reads (none for an admin, who reads everything, and
-- for a login Caseload does not know): as caseload.may (id, false) judges them.
CREATE OR REPLACE FUNCTION caseload.readable_students ()
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
  IF role = 'case_manager' THEN
    RETURN QUERY SELECT r.key FROM caseload.records r
                 WHERE r.tbl = 'students' AND r.row ->> 'case_manager_id' = me.staff_id;
  ELSE
    RETURN QUERY SELECT r.key FROM caseload.records r
                 WHERE r.tbl = 'students' AND r.row ->> 'school_id' = ANY (me.schools);
  END IF;
END;
$$;
REVOKE ALL ON FUNCTION caseload.readable_students () FROM PUBLIC;
GRANT EXECUTE ON FUNCTION caseload.readable_students () TO caseload_case_manager, caseload_principal, caseload_admin;

-- Where the server stands (the last position taken): a laptop's pull goes on from there, so it
-- does not read again, at its next sync, what was written meanwhile for other schools.
GRANT SELECT ON SEQUENCE caseload.positions TO caseload_case_manager, caseload_principal, caseload_admin;

-- The subqueries have no reference to the row: PostgreSQL runs each once per query.
DROP POLICY IF EXISTS records_read ON caseload.records;
CREATE POLICY records_read ON caseload.records FOR SELECT USING (
  (SELECT caseload.my_role ()) = 'admin'
  OR (student_id IS NULL AND (SELECT caseload.my_role ()) IS NOT NULL)
  OR student_id IN (SELECT caseload.readable_students ()));

DROP POLICY IF EXISTS conflicts_read ON caseload.conflicts;
CREATE POLICY conflicts_read ON caseload.conflicts FOR SELECT USING (
  (SELECT caseload.my_role ()) = 'admin'
  OR (student_id IS NULL AND (SELECT caseload.my_role ()) IS NOT NULL)
  OR student_id IN (SELECT caseload.readable_students ()));
