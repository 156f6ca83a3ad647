-- The subscriber pages of `digest serve`: a pause chosen on the preferences page, and when the
-- subscriber last set their own preferences there (the file sync then keeps their topics,
-- language and time zone instead of the file's).
alter table subscribers add column paused_until timestamp with time zone;
alter table subscribers add column preferences_at timestamp with time zone;
