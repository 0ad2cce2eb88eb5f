-- 账号、角色、API 令牌.
create table idn_user (
    id                   bigserial    primary key,
    username             varchar(50)  not null unique check (username ~ '^[A-Za-z0-9_.-]{3,50}$'),
    display_name         varchar(50)  not null,
    body_id              bigint       references org_body (id),
    password_hash        varchar(200) not null,
    must_change_password boolean      not null default false,
    enabled              boolean      not null default true,
    failed_logins        integer      not null default 0 check (failed_logins >= 0),
    locked_until         timestamptz,
    last_login_at        timestamptz,
    demo                 boolean      not null default false,
    created_at           timestamptz  not null,
    updated_at           timestamptz  not null
);
create index idn_user_body on idn_user (body_id);

create table idn_user_role (
    user_id bigint      not null references idn_user (id),
    role    varchar(32) not null check (role in ('PLATFORM_ADMIN', 'SUPERVISOR', 'UNIT_ADMIN', 'OFFICER', 'LEADER', 'LEGAL_REVIEWER')),
    primary key (user_id, role)
);

create table idn_api_token (
    id           bigserial    primary key,
    body_id      bigint       not null references org_body (id),
    name         varchar(100) not null,
    token_prefix varchar(16)  not null,
    token_hash   char(64)     not null unique,
    created_by   bigint       references idn_user (id),
    created_at   timestamptz  not null,
    revoked_at   timestamptz,
    revoked_by   bigint       references idn_user (id),
    last_used_at timestamptz,
    call_count   bigint       not null default 0
);
create index idn_api_token_body on idn_api_token (body_id);

create table demo_load (
    id        integer     primary key check (id = 1),
    loaded_at timestamptz not null
);
