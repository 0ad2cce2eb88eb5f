-- Where a party belongs, as far as its identifier tells (趋利性执法: fines concentrated on non-local parties, 《行政执法监督条例》):
-- an organisation's 统一社会信用代码 carries its registering authority's six-digit region code (characters 3–8); a natural
-- person's masked 身份证号 keeps the first four digits (the prefecture of household registration). Unknown otherwise.
alter table sv_act add column party_region varchar(6) generated always as (
    case
        when party_kind <> 'NATURAL_PERSON' and party_masked ~ '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$' then substr(party_masked, 3, 6)
        when party_kind = 'NATURAL_PERSON' and party_masked ~ '^[1-9][0-9]{3}' then substr(party_masked, 1, 4)
    end) stored;
