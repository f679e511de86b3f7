-- Comments on a demand (issue 18), and notifications for @mentions in them
-- next to the SLE alerts the notification bell already shows.

-- CreateTable
CREATE TABLE "comments" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "demand_id" UUID NOT NULL,
    "author_id" UUID,
    "body" TEXT NOT NULL,
    "mentions" UUID[] DEFAULT ARRAY[]::UUID[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "edited_at" TIMESTAMPTZ(3),
    "deleted_at" TIMESTAMPTZ(3),

    CONSTRAINT "comments_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "comments_demand_id_created_at_idx" ON "comments"("demand_id", "created_at");

-- AddForeignKey
ALTER TABLE "comments" ADD CONSTRAINT "comments_demand_id_fkey" FOREIGN KEY ("demand_id") REFERENCES "demands"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comments" ADD CONSTRAINT "comments_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A notification is an SLE alert or a mention in a comment, exactly one of them.
ALTER TABLE "notifications" ALTER COLUMN "alert_id" DROP NOT NULL;
ALTER TABLE "notifications" ADD COLUMN "comment_id" UUID;
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_one_subject"
    CHECK (("alert_id" IS NULL) <> ("comment_id" IS NULL));

-- CreateIndex
CREATE UNIQUE INDEX "notifications_user_id_comment_id_key" ON "notifications"("user_id", "comment_id");

-- CreateIndex
CREATE INDEX "notifications_comment_id_idx" ON "notifications"("comment_id");

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_comment_id_fkey" FOREIGN KEY ("comment_id") REFERENCES "comments"("id") ON DELETE CASCADE ON UPDATE CASCADE;
