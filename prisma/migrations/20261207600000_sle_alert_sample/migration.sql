-- How many deliveries the service level expectation rested on when the sweep
-- raised the alert (the last 30 days' delivery cycle times). Under 10 the
-- notification says so next to its threshold (DESIGN "Metrics": a summary
-- built on fewer than 10 demands says so). Null for alerts raised before.
ALTER TABLE "sle_alerts" ADD COLUMN "sample_size" INTEGER;
