-- What a body's 执法文书 must name (行政处罚法第四十四、五十九条; RULES.md §11): the 复议机关 and the 人民法院 of the
-- remedies, where and how a fine is paid (罚缴分离: a bank and account, or a payment channel), and the contact for the
-- party's 陈述、申辩 and hearing request. Per body, entered by its administrator; empty until entered.
alter table org_body add column review_organ     varchar(200);
alter table org_body add column court            varchar(200);
alter table org_body add column payment_bank     varchar(200);
alter table org_body add column payment_account  varchar(100);
alter table org_body add column payment_channel  varchar(300);
alter table org_body add column contact_person   varchar(100);
alter table org_body add column contact_phone    varchar(40);
alter table org_body add column contact_address  varchar(300);
alter table org_body add constraint org_body_payment_account_with_bank check (payment_account is null or payment_bank is not null);
