-- 人民警察证号（警号）: police officers act on their 人民警察证 (Police Law), not on a 行政执法证; the number lets acts
-- reported by public-security systems name them, and the supervision checks them against this roster.
alter table officer add column police_number varchar(20);
alter table officer add constraint officer_police_number_format
    check (police_number is null or (police and police_number ~ '^[0-9A-Z]{4,20}$'));
create unique index officer_police_number_key on officer (police_number) where police_number is not null;
