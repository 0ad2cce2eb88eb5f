-- V28 moved the procedure column into penalty_case without V20's check: the database again refuses anything but the
-- general and the simple procedure.
alter table penalty_case add constraint penalty_case_procedure check (procedure in ('GENERAL', 'SIMPLE'));
