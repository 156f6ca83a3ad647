-- Claimed work (issue 6): a delivery moves pending -> sending -> sent | failed | rejected | skipped | expired.
-- A worker claims a batch of due rows for its node with a lease; a 'sending' row whose lease ran out
-- (its process died) is retaken by anyone and marked as a possible duplicate (RFC 1047: whether the
-- server had accepted it is unknown). Portable between H2 2.x and PostgreSQL 15+.
alter table deliveries add column claimed_by varchar(200);
alter table deliveries add column lease_until timestamp with time zone;
alter table deliveries add column possible_duplicate boolean default false not null;
-- Claims read due rows in id order from a cursor (keyset paging): without this index H2 reads and
-- sorts every row of the edition for each claim.
create index deliveries_edition_order on deliveries (edition_id, id);
