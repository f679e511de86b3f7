-- Dependencies between demands on any boards (issue 18): "PAY-3 waits on OPS-12".
-- The API refuses cycles (DEPENDENCY_CYCLE); a "no open dependencies" criterion
-- is checked by the server on moves instead of being ticked by hand.

-- CreateEnum
CREATE TYPE "CriterionKind" AS ENUM ('manual', 'no_open_dependencies');

-- AlterTable
ALTER TABLE "criteria" ADD COLUMN "kind" "CriterionKind" NOT NULL DEFAULT 'manual';

-- CreateTable
CREATE TABLE "demand_dependencies" (
    "demand_id" UUID NOT NULL,
    "depends_on_id" UUID NOT NULL,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "demand_dependencies_pkey" PRIMARY KEY ("demand_id","depends_on_id")
);

-- CreateIndex
CREATE INDEX "demand_dependencies_depends_on_id_idx" ON "demand_dependencies"("depends_on_id");

-- AddForeignKey
ALTER TABLE "demand_dependencies" ADD CONSTRAINT "demand_dependencies_demand_id_fkey" FOREIGN KEY ("demand_id") REFERENCES "demands"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "demand_dependencies" ADD CONSTRAINT "demand_dependencies_depends_on_id_fkey" FOREIGN KEY ("depends_on_id") REFERENCES "demands"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "demand_dependencies" ADD CONSTRAINT "demand_dependencies_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
