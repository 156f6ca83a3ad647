-- Source health (issue 9 item 3): each source's day-by-day history (fetches, failures, articles
-- added), since when it has been failing and when it last brought an article; the alerts sent (at
-- most one per source per day).
create table source_days (
    source_name varchar(200) not null,
    fetch_day   date         not null,
    fetches     int          not null,
    failures    int          not null,
    articles    int          not null,
    primary key (source_name, fetch_day)
);
alter table sources add column failing_since timestamp with time zone;
alter table sources add column last_article_at timestamp with time zone;
create table source_alerts (
    source_name varchar(200) not null,
    fetch_day   date         not null,
    sent_at     timestamp with time zone not null,
    primary key (source_name, fetch_day)
);
