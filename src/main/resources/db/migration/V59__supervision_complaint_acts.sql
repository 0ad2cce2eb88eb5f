-- A complaint concerns enforcement acts of the ledger — this platform's cases and the acts other systems reported —
-- named by the supervisor by their case or decision number.
create table sv_complaint_act (
    complaint_id bigint not null references sv_complaint (id),
    act_id       bigint not null references sv_act (id),
    primary key (complaint_id, act_id)
);
create index sv_complaint_act_act on sv_complaint_act (act_id);
