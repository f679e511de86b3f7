-- The move statement (tideway_move_demand, 20261207400000_move_function) checks
-- "no open dependencies" criteria (20261207400000_demand_dependencies) itself.

-- packages/domain/src/open-dependency.ts `isOpenDependency`: how many demands
-- `p_demand_id` waits on that are neither archived nor at or past their own
-- board's delivery boundary (tideway_boundary_positions, as `orderStages`).
CREATE FUNCTION "tideway_open_dependency_count"(p_demand_id UUID) RETURNS INTEGER
LANGUAGE sql STABLE AS $$
  SELECT count(*)::int
  FROM demand_dependencies dd
  JOIN demands t ON t.id = dd.depends_on_id
  JOIN stages s ON s.id = t.stage_id
  CROSS JOIN LATERAL tideway_boundary_positions(t.board_id) b
  WHERE dd.demand_id = p_demand_id AND t.archived_at IS NULL
    AND (b.delivered IS NULL OR s.position < b.delivered)
$$;

-- packages/domain/src/move-rules.ts `unmetCriteria` with `criterionMet`: a
-- manual criterion is met when ticked, "no open dependencies" while the demand
-- waits on nothing open (ticks are ignored).
CREATE OR REPLACE FUNCTION "tideway_unmet_criteria"(p_demand_id UUID, p_stage_id UUID, p_phase "CriterionPhase")
RETURNS JSONB LANGUAGE sql STABLE AS $$
  SELECT coalesce(jsonb_agg(jsonb_build_object('id', c.id, 'stageId', c.stage_id, 'text', c.text,
      'phase', c.phase, 'required', c.required, 'kind', c.kind) ORDER BY c.position), '[]')
  FROM criteria c
  WHERE c.stage_id = p_stage_id AND c.phase = p_phase AND c.required
    AND CASE WHEN c.kind = 'no_open_dependencies' THEN tideway_open_dependency_count(p_demand_id) > 0
      ELSE NOT EXISTS (SELECT 1 FROM criterion_checks k WHERE k.demand_id = p_demand_id AND k.criterion_id = c.id)
    END
$$;
