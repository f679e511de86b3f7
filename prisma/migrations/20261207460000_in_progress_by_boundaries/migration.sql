-- packages/domain/src/stage-order.ts `isInProgressRank` (decision 014): a stage
-- holds work in progress when it is at or past the commitment point and before
-- delivery, both read as `orderStages` reads them (tideway_boundary_positions:
-- marked, else the first non-queue stage and the first `done` stage). The move
-- function (20261207400000_move_function) counted lane WIP by the older rule
-- (delivery marked only, `done` stages excluded by kind), so a board whose first
-- stage is a `done` stage and unmarked counted its later queues as work in progress.
CREATE OR REPLACE FUNCTION "tideway_in_progress_stage_ids"(p_board_id UUID) RETURNS UUID[]
LANGUAGE sql STABLE AS $$
  SELECT coalesce(array_agg(s.id), '{}')
  FROM stages s, tideway_boundary_positions(p_board_id) b
  WHERE s.board_id = p_board_id
    AND b.commitment IS NOT NULL AND s.position >= b.commitment
    AND (b.delivered IS NULL OR s.position < b.delivered)
$$;
