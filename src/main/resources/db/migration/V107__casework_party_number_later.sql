-- A natural person's ID number may be unknown when a clue comes in (a stall reported to 12345): the clue is registered
-- without it and cannot be filed until it is added (FilingPolicy). An organisation always has its code, and the key and
-- the masked number come and go together.
alter table enforcement_case alter column party_key drop not null;
alter table enforcement_case alter column party_masked drop not null;
alter table enforcement_case add constraint enforcement_case_party_number
    check ((party_key is null) = (party_masked is null) and (party_key is not null or party_kind = 'NATURAL_PERSON'));
