-- Where each subscriber came from: 'file' (the subscriber files), 'web' (the sign-up page) or
-- 'api'. The file sync never removes a 'web' or 'api' subscriber. A sign-up is PENDING (status)
-- until its confirmation link is opened; confirmed_at records when that happened.
alter table subscribers add column origin varchar(10) default 'file' not null;
alter table subscribers add column confirmed_at timestamp with time zone;
