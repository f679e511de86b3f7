-- CreateEnum
CREATE TYPE "SleThreshold" AS ENUM ('p50', 'p85');

-- CreateTable
CREATE TABLE "sle_alerts" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "board_id" UUID NOT NULL,
    "demand_id" UUID NOT NULL,
    "threshold" "SleThreshold" NOT NULL,
    "age_seconds" INTEGER NOT NULL,
    "threshold_seconds" INTEGER NOT NULL,
    "crossed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sle_alerts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notifications" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "alert_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "read_at" TIMESTAMPTZ(3),

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "sle_alerts_board_id_idx" ON "sle_alerts"("board_id");

-- CreateIndex
CREATE UNIQUE INDEX "sle_alerts_demand_id_threshold_key" ON "sle_alerts"("demand_id", "threshold");

-- CreateIndex
CREATE INDEX "notifications_user_id_created_at_idx" ON "notifications"("user_id", "created_at");

-- CreateIndex
CREATE INDEX "notifications_alert_id_idx" ON "notifications"("alert_id");

-- CreateIndex
CREATE UNIQUE INDEX "notifications_user_id_alert_id_key" ON "notifications"("user_id", "alert_id");

-- AddForeignKey
ALTER TABLE "sle_alerts" ADD CONSTRAINT "sle_alerts_board_id_fkey" FOREIGN KEY ("board_id") REFERENCES "boards"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sle_alerts" ADD CONSTRAINT "sle_alerts_demand_id_fkey" FOREIGN KEY ("demand_id") REFERENCES "demands"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_alert_id_fkey" FOREIGN KEY ("alert_id") REFERENCES "sle_alerts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

