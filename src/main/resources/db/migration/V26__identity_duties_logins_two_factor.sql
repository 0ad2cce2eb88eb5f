-- 三员分立: the 安全管理员 and the 审计管理员 beside the 系统管理员 (PLATFORM_ADMIN).
alter table idn_user_role drop constraint idn_user_role_role_check;
alter table idn_user_role add constraint idn_user_role_role_check check (role in ('PLATFORM_ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN',
    'SUPERVISOR', 'UNIT_ADMIN', 'OFFICER', 'LEADER', 'LEGAL_REVIEWER'));

-- Failed logins are counted per account name and client address (unknown names the same way, so the answer never tells
-- whether a name exists, and nobody can lock an account from another address) and per client address alone (throttle).
create table idn_login_attempt (
    attempt_key      varchar(200) primary key,
    failures         integer      not null check (failures >= 0),
    window_started   timestamptz  not null,
    locked_until     timestamptz,
    username         varchar(50)
);
create index idn_login_attempt_username on idn_login_attempt (lower(username));

-- Password history (the last five may not be reused) and age.
alter table idn_user add column password_changed_at timestamptz;
update idn_user set password_changed_at = now();
alter table idn_user alter column password_changed_at set not null;

create table idn_password_history (
    id            bigserial    primary key,
    user_id       bigint       not null references idn_user (id),
    password_hash varchar(200) not null,
    replaced_at   timestamptz  not null
);
create index idn_password_history_user on idn_password_history (user_id, id desc);

-- Two-factor login (TOTP, RFC 6238): the secret encrypted with SM4, the last time step used (no replay), and one-time
-- recovery codes stored as SM3 digests.
create table idn_totp (
    user_id        bigint      primary key references idn_user (id),
    secret_cipher  text        not null,
    confirmed_at   timestamptz,
    last_step      bigint,
    created_at     timestamptz not null
);

create table idn_recovery_code (
    id         bigserial   primary key,
    user_id    bigint      not null references idn_user (id),
    code_hash  char(64)    not null,
    used_at    timestamptz,
    created_at timestamptz not null
);
create index idn_recovery_code_user on idn_recovery_code (user_id);
