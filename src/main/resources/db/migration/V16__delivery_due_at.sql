-- Delivery at each subscriber's local hour (issue 6, item 7): every delivery row has the moment it
-- falls due. With newsletter.delivery: edition it is the edition's cutoff (due at once, as before);
-- with local it is the schedule's time of day in the subscriber's own zone (delivery/DueTimes). A
-- pending row is claimed only once due_at has come (delivery/Claims), and the send deadline counts
-- from it. Rows made before this migration were due when they were created. Portable between H2 2.x
-- and PostgreSQL.
alter table deliveries add column due_at timestamp with time zone;
update deliveries set due_at = created_at;
alter table deliveries alter column due_at set not null;
-- The edition's pending rows by due time: the count of rows waiting for their hour and the next due
-- time are range reads of this index; it replaces (edition_id, status), of which it is an extension.
create index deliveries_edition_status_due on deliveries (edition_id, status, due_at);
drop index deliveries_edition_status;
