-- Each group of the follow-up screen lists its open follow-ups by due day,
-- ties by id (newest first for the overdue ones). With only the day in the
-- index, SQLite read every open follow-up of the page's last day, each with
-- its customer, contact and person, and sorted them before it could stop:
-- on the 100k demo book 872 fell on one day, 357 ms of a cold start's board
-- (issue 18). With the id beside the day the index is the order: the first
-- page is the first rows. The counts stay a range of the same index.
DROP INDEX followups_open;
CREATE INDEX followups_open ON followups (due_on, id)
    WHERE done_at IS NULL AND cancelled_at IS NULL AND deleted_at IS NULL;
