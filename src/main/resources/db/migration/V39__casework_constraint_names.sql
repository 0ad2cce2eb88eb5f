-- The tables renamed by V27 and V29 kept their old primary-key and sequence names (penalty_case_pkey was renamed there,
-- the others were not): a DBA reading enforcement_case's default sees penalty_case_id_seq. Names only; the sequences keep
-- their values and the columns their defaults (nextval refers to the sequence itself, not its name).
do $$
declare
    t text;
    r record;
begin
    foreach t in array array['enforcement_case', 'case_officer', 'case_timer', 'case_timer_pause', 'case_number_sequence',
                             'case_number_format', 'case_evidence', 'case_transcript', 'case_document', 'coercion_measure',
                             'coercion_enforcement']
    loop
        for r in
            select s.relname as seq, a.attname as col
            from pg_depend d
            join pg_class s on s.oid = d.objid and s.relkind = 'S'
            join pg_class c on c.oid = d.refobjid
            join pg_attribute a on a.attrelid = c.oid and a.attnum = d.refobjsubid
            where c.relname = t and c.relnamespace = current_schema()::regnamespace and d.deptype in ('a', 'i')
        loop
            if r.seq <> t || '_' || r.col || '_seq' then
                execute format('alter sequence %I rename to %I', r.seq, t || '_' || r.col || '_seq');
            end if;
        end loop;
        for r in
            select con.conname as name
            from pg_constraint con
            join pg_class c on c.oid = con.conrelid
            where c.relname = t and c.relnamespace = current_schema()::regnamespace and con.contype = 'p'
        loop
            if r.name <> t || '_pkey' then
                execute format('alter table %I rename constraint %I to %I', t, r.name, t || '_pkey');
            end if;
        end loop;
    end loop;
end
$$;
