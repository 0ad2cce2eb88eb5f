-- the cases of one party (by USCC or ID-number fingerprint): the case page names the other names the same code bears
create index enforcement_case_party_key on enforcement_case (party_key) where party_key is not null;
