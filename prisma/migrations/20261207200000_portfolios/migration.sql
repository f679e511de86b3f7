-- CreateTable
CREATE TABLE "portfolios" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "business_board_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "portfolios_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "portfolio_boards" (
    "portfolio_id" UUID NOT NULL,
    "board_id" UUID NOT NULL,
    "added_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "portfolio_boards_pkey" PRIMARY KEY ("portfolio_id","board_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "portfolios_business_board_id_key" ON "portfolios"("business_board_id");

-- CreateIndex
CREATE UNIQUE INDEX "portfolio_boards_board_id_key" ON "portfolio_boards"("board_id");

-- AddForeignKey
ALTER TABLE "portfolios" ADD CONSTRAINT "portfolios_business_board_id_fkey" FOREIGN KEY ("business_board_id") REFERENCES "boards"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "portfolio_boards" ADD CONSTRAINT "portfolio_boards_portfolio_id_fkey" FOREIGN KEY ("portfolio_id") REFERENCES "portfolios"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "portfolio_boards" ADD CONSTRAINT "portfolio_boards_board_id_fkey" FOREIGN KEY ("board_id") REFERENCES "boards"("id") ON DELETE CASCADE ON UPDATE CASCADE;
