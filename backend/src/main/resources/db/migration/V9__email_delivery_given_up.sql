-- The metrics count e-mails waiting and given up at every scrape: both through partial indexes (the pending one is in
-- V5), never a scan of every e-mail ever sent.
create index email_delivery_given_up on email_delivery (created_at) where status = 'FAILED';
