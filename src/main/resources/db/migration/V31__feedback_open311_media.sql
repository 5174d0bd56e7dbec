-- Feedback (issue 15): the media_url an Open311 client gives with a request (kept as given, never fetched).
alter table feedback add column media_url text check (media_url is null or length(media_url) <= 2000);
