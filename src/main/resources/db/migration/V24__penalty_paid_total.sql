-- The "未缴清" filter was a correlated sum over penalty_payment, which had no index on case_id: at 100,000 cases its
-- count took 94 s and held a pooled connection. The paid total is now kept on the case by the database itself (payments
-- are only ever inserted) and the unpaid cases have their own partial index.
create index penalty_payment_case on penalty_payment (case_id);

alter table penalty_case add column paid_total bigint not null default 0 check (paid_total >= 0);
update penalty_case c set paid_total = p.total
from (select case_id, sum(amount) as total from penalty_payment group by case_id) p
where p.case_id = c.id;

create function penalty_payment_add_to_case() returns trigger language plpgsql as $$
begin
    update penalty_case set paid_total = paid_total + new.amount where id = new.case_id;
    return new;
end;
$$;
create trigger penalty_payment_paid_total after insert on penalty_payment
    for each row execute function penalty_payment_add_to_case();

create function penalty_payment_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception '缴款记录只可追加，不得修改或删除' using errcode = 'insufficient_privilege';
end;
$$;
create trigger penalty_payment_append_only before update or delete on penalty_payment
    for each row execute function penalty_payment_refuse_change();

create index penalty_case_unpaid on penalty_case (body_id, id desc)
    where decision_outcome = 'PENALTY' and decision_fine > paid_total;
