-- The picture a source gives for an article (media:content, media:thumbnail, an image enclosure or
-- the front matter's image): an absolute https URL and its alt text; both null when it has none.
alter table articles add column image_url varchar(2000);
alter table articles add column image_alt varchar(1000);
