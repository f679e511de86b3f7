-- A deleted account keeps its row, emptied of everything personal, so the
-- history it made (transitions, audit events, comments) still names an actor:
-- "Deleted user". Set when the account was deleted; null for live accounts.
ALTER TABLE "users" ADD COLUMN "deleted_at" TIMESTAMPTZ(3);
