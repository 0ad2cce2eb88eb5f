-- A joint task takes part of another body's work: each partner body's head or administrator agrees before the task is
-- published. Conflicts of interest carry the moment they were declared: a draw leaves out those declared before its
-- commitment (later ones go through 回避, decided by the head and recorded), so nobody can steer a team once the beacon
-- is known.
create table insp_task_partner (
    task_id       bigint        not null references insp_task (id),
    body_id       bigint        not null references org_body (id),
    accepted_by   varchar(100),
    accepted_at   timestamptz,
    primary key (task_id, body_id)
);
alter table insp_conflict add column declared_at timestamptz not null default now();
