-- Conditional GET per feed source: the ETag and Last-Modified of the version last read,
-- sent back as If-None-Match / If-Modified-Since so an unchanged feed costs a 304.
alter table sources add column etag varchar(1000);
alter table sources add column last_modified varchar(1000);
