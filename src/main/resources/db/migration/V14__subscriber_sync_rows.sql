-- Streaming sync of the subscriber files (issue 6 item 2): the addresses one sync has seen so far,
-- so that a file of a million rows is read and written in chunks, never held in memory. An address
-- seen twice is a duplicate (first origin kept); at the end, ACTIVE file subscribers the sync did
-- not see are removed. Rows are deleted when their sync ends (and left-overs of a crashed one after a day).
create table subscriber_sync_rows (
    sync_id    varchar(36)   not null,
    email      varchar(320)  not null,
    origin     varchar(1200) not null,
    created_at timestamp with time zone not null,
    primary key (email, sync_id)
);
