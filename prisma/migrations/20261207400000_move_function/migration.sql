-- The move as one statement (issue 19, item 1; docs/decisions/012-move-function.md):
-- `tideway_move_demand` checks and applies a move inside PostgreSQL, so a move is
-- one round trip with no separate BEGIN/COMMIT, and the board row's lock (its
-- sequence number, taken last) is held for the rest of one statement only.
-- The rules stay in packages/domain; each function below mirrors one of them
-- and names it, and apps/api/test/move-function.test.ts checks that both agree.

-- The one writer of the transition log: every path that appends a Transition
-- (moves here; creations, blocking, archiving, imports and the demo seed
-- through apps/api/src/services/demands/log-transitions.ts) inserts through it.
-- `p_rows` is a JSON array of objects with the columns' camelCase names, all of
-- board `p_board_id`; they are appended in the array's order, so the ids (the
-- log's order) follow it.
CREATE FUNCTION "tideway_log_transitions"(p_board_id UUID, p_rows JSONB) RETURNS SETOF BIGINT
LANGUAGE sql AS $$
  INSERT INTO transitions (board_id, demand_id, kind, from_stage_id, to_stage_id, from_lane_id, to_lane_id,
    at, actor_id, over_wip, note)
  SELECT p_board_id, (r->>'demandId')::uuid, (r->>'kind')::"TransitionKind",
    (r->>'fromStageId')::uuid, (r->>'toStageId')::uuid, (r->>'fromLaneId')::uuid, (r->>'toLaneId')::uuid,
    coalesce((r->>'at')::timestamptz, CURRENT_TIMESTAMP), (r->>'actorId')::uuid,
    coalesce((r->>'overWip')::boolean, false), r->>'note'
  FROM jsonb_array_elements(p_rows) WITH ORDINALITY AS e(r, ord)
  ORDER BY e.ord
  RETURNING id
$$;

-- fractional-indexing 4.0.0's generateKeyBetween (packages/domain/src/rank.ts
-- `rankBetween`), base 62 digits and base 52 integer heads. Keys compare
-- bytewise, as the `rank` column's COLLATE "C" does.
CREATE FUNCTION "tideway_rank_digit"(p_char TEXT) RETURNS INTEGER
LANGUAGE sql IMMUTABLE STRICT AS $$
  SELECT strpos('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', p_char) - 1
$$;

CREATE FUNCTION "tideway_rank_integer_length"(p_head TEXT) RETURNS INTEGER
LANGUAGE plpgsql IMMUTABLE STRICT AS $$
DECLARE
  i INTEGER := strpos('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', p_head) - 1;
BEGIN
  IF i < 0 OR length(p_head) <> 1 THEN RAISE EXCEPTION 'invalid order key head: %', p_head; END IF;
  RETURN CASE WHEN i < 26 THEN 27 - i ELSE i - 24 END;
END $$;

CREATE FUNCTION "tideway_rank_integer_part"(p_key TEXT) RETURNS TEXT
LANGUAGE plpgsql IMMUTABLE STRICT AS $$
DECLARE
  n INTEGER := tideway_rank_integer_length(left(p_key, 1));
BEGIN
  IF n > length(p_key) THEN RAISE EXCEPTION 'invalid order key: %', p_key; END IF;
  RETURN left(p_key, n);
END $$;

CREATE FUNCTION "tideway_rank_validate"(p_key TEXT) RETURNS VOID
LANGUAGE plpgsql IMMUTABLE STRICT AS $$
BEGIN
  IF p_key = 'A' || repeat('0', 26) THEN RAISE EXCEPTION 'invalid order key: %', p_key; END IF;
  IF right(substr(p_key, length(tideway_rank_integer_part(p_key)) + 1), 1) = '0' THEN
    RAISE EXCEPTION 'invalid order key: %', p_key;
  END IF;
END $$;

CREATE FUNCTION "tideway_rank_midpoint"(p_a TEXT, p_b TEXT) RETURNS TEXT
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  digits CONSTANT TEXT := '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  n INTEGER := 0;
  digit_a INTEGER;
  digit_b INTEGER;
BEGIN
  IF p_b IS NOT NULL AND p_a COLLATE "C" >= p_b COLLATE "C" THEN RAISE EXCEPTION '% >= %', p_a, p_b; END IF;
  IF right(p_a, 1) = '0' OR right(coalesce(p_b, ''), 1) = '0' THEN RAISE EXCEPTION 'trailing zero'; END IF;
  IF coalesce(p_b, '') <> '' THEN
    WHILE coalesce(nullif(substr(p_a, n + 1, 1), ''), '0') = substr(p_b, n + 1, 1) LOOP
      n := n + 1;
    END LOOP;
    IF n > 0 THEN
      RETURN left(p_b, n) || tideway_rank_midpoint(substr(p_a, n + 1), substr(p_b, n + 1));
    END IF;
  END IF;
  digit_a := CASE WHEN p_a <> '' THEN tideway_rank_digit(left(p_a, 1)) ELSE 0 END;
  digit_b := CASE WHEN p_b IS NOT NULL THEN tideway_rank_digit(left(p_b, 1)) ELSE 62 END;
  IF digit_b - digit_a > 1 THEN
    -- Math.round(0.5 * (a + b)) for non-negative integers.
    RETURN substr(digits, (digit_a + digit_b + 1) / 2 + 1, 1);
  ELSIF p_b IS NOT NULL AND length(p_b) > 1 THEN
    RETURN left(p_b, 1);
  END IF;
  RETURN substr(digits, digit_a + 1, 1) || tideway_rank_midpoint(substr(p_a, 2), NULL);
END $$;

-- incrementInteger (p_step 1) and decrementInteger (p_step -1); null past the last head.
CREATE FUNCTION "tideway_rank_step_integer"(p_int TEXT, p_step INTEGER) RETURNS TEXT
LANGUAGE plpgsql IMMUTABLE STRICT AS $$
DECLARE
  digits CONSTANT TEXT := '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  heads CONSTANT TEXT := 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  head TEXT := left(p_int, 1);
  wrap TEXT := CASE WHEN p_step > 0 THEN '0' ELSE 'z' END;
  tail_digits TEXT := '';
  d INTEGER;
  head_index INTEGER;
  next_head TEXT;
  length_delta INTEGER;
BEGIN
  IF length(p_int) <> tideway_rank_integer_length(head) THEN
    RAISE EXCEPTION 'invalid integer part of order key: %', p_int;
  END IF;
  FOR i IN REVERSE length(p_int)..2 LOOP
    d := tideway_rank_digit(substr(p_int, i, 1)) + p_step;
    IF d = 62 OR d = -1 THEN
      tail_digits := wrap || tail_digits;
    ELSE
      RETURN head || substr(p_int, 2, i - 2) || substr(digits, d + 1, 1) || tail_digits;
    END IF;
  END LOOP;
  head_index := strpos(heads, head) - 1 + p_step;
  IF head_index < 0 OR head_index > 51 THEN RETURN NULL; END IF;
  next_head := substr(heads, head_index + 1, 1);
  length_delta := tideway_rank_integer_length(next_head) - tideway_rank_integer_length(head);
  RETURN next_head || CASE
    WHEN length_delta > 0 THEN tail_digits || wrap
    WHEN length_delta < 0 THEN substr(tail_digits, 2)
    ELSE tail_digits
  END;
END $$;

CREATE FUNCTION "tideway_rank_between"(p_a TEXT, p_b TEXT) RETURNS TEXT
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  a TEXT := p_a;
  b TEXT := p_b;
  ia TEXT;
  ib TEXT;
  stepped TEXT;
BEGIN
  IF a IS NOT NULL THEN PERFORM tideway_rank_validate(a); END IF;
  IF b IS NOT NULL THEN PERFORM tideway_rank_validate(b); END IF;
  IF a IS NOT NULL AND b IS NOT NULL AND a COLLATE "C" > b COLLATE "C" THEN
    a := p_b;
    b := p_a;
  END IF;
  IF a IS NULL THEN
    IF b IS NULL THEN RETURN 'a0'; END IF;
    ib := tideway_rank_integer_part(b);
    IF ib = 'A' || repeat('0', 26) THEN
      RETURN ib || tideway_rank_midpoint('', substr(b, length(ib) + 1));
    END IF;
    IF ib COLLATE "C" < b COLLATE "C" THEN RETURN ib; END IF;
    stepped := tideway_rank_step_integer(ib, -1);
    IF stepped IS NULL THEN RAISE EXCEPTION 'cannot decrement any more'; END IF;
    RETURN stepped;
  END IF;
  ia := tideway_rank_integer_part(a);
  IF b IS NULL THEN
    RETURN coalesce(tideway_rank_step_integer(ia, 1), ia || tideway_rank_midpoint(substr(a, length(ia) + 1), NULL));
  END IF;
  ib := tideway_rank_integer_part(b);
  IF ia = ib THEN
    RETURN ia || tideway_rank_midpoint(substr(a, length(ia) + 1), substr(b, length(ib) + 1));
  END IF;
  stepped := tideway_rank_step_integer(ia, 1);
  IF stepped IS NULL THEN RAISE EXCEPTION 'cannot increment any more'; END IF;
  IF stepped COLLATE "C" < b COLLATE "C" THEN RETURN stepped; END IF;
  RETURN ia || tideway_rank_midpoint(substr(a, length(ia) + 1), NULL);
END $$;

-- packages/domain/src/stage-order.ts `orderStages`: the positions of the
-- commitment point (marked, else the first stage that is not a queue), the
-- development end (marked only) and delivery (marked, else the first `done`).
CREATE FUNCTION "tideway_boundary_positions"(p_board_id UUID,
  OUT commitment INTEGER, OUT development_end INTEGER, OUT delivered INTEGER)
LANGUAGE sql STABLE AS $$
  SELECT
    coalesce(
      (SELECT position FROM stages WHERE board_id = p_board_id AND boundary = 'commitment' ORDER BY position, id LIMIT 1),
      (SELECT position FROM stages WHERE board_id = p_board_id AND kind <> 'queue' ORDER BY position, id LIMIT 1)),
    (SELECT position FROM stages WHERE board_id = p_board_id AND boundary = 'development_end' ORDER BY position, id LIMIT 1),
    coalesce(
      (SELECT position FROM stages WHERE board_id = p_board_id AND boundary = 'delivered' ORDER BY position, id LIMIT 1),
      (SELECT position FROM stages WHERE board_id = p_board_id AND kind = 'done' ORDER BY position, id LIMIT 1))
$$;

-- packages/domain/src/move-rules.ts `isInProgressStage`: the stages whose
-- demands count against a lane's limit on work in progress.
CREATE FUNCTION "tideway_in_progress_stage_ids"(p_board_id UUID) RETURNS UUID[]
LANGUAGE sql STABLE AS $$
  WITH marks AS (
    SELECT
      (SELECT position FROM stages WHERE board_id = p_board_id AND boundary = 'commitment' ORDER BY position, id LIMIT 1) AS commitment,
      (SELECT position FROM stages WHERE board_id = p_board_id AND boundary = 'delivered' ORDER BY position, id LIMIT 1) AS delivered
  )
  SELECT coalesce(array_agg(s.id), '{}')
  FROM stages s, marks m
  WHERE s.board_id = p_board_id AND s.kind <> 'done'
    AND CASE WHEN m.commitment IS NULL THEN s.kind <> 'queue' ELSE s.position >= m.commitment END
    AND (m.delivered IS NULL OR s.position < m.delivered)
$$;

-- packages/domain/src/move-rules.ts `wipVerdict`: 'within', 'over-soft-limit' or 'refused'
-- for one more demand where `p_count_before` already are.
CREATE FUNCTION "tideway_wip_outcome"(p_wip_limit INTEGER, p_wip_policy "WipPolicy", p_count_before INTEGER)
RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN p_wip_limit IS NULL OR p_count_before < p_wip_limit THEN 'within'
    WHEN p_wip_policy = 'soft' THEN 'over-soft-limit'
    ELSE 'refused'
  END
$$;

-- The refusal of a hard limit: the stage's or lane's row (`to_jsonb`) as a WIP place, and the count.
CREATE FUNCTION "tideway_wip_refusal"(p_refusal TEXT, p_count INTEGER, p_place JSONB) RETURNS JSONB
LANGUAGE sql IMMUTABLE AS $$
  SELECT jsonb_build_object('refusal', p_refusal, 'count', p_count, 'place', jsonb_build_object(
    'id', p_place->'id', 'name', p_place->'name', 'wipLimit', p_place->'wip_limit', 'wipPolicy', p_place->'wip_policy'))
$$;

-- packages/domain/src/move-rules.ts `unmetCriteria`: the demand's unticked
-- required criteria of one phase of one stage, as CriterionRule objects.
CREATE FUNCTION "tideway_unmet_criteria"(p_demand_id UUID, p_stage_id UUID, p_phase "CriterionPhase")
RETURNS JSONB LANGUAGE sql STABLE AS $$
  SELECT coalesce(jsonb_agg(jsonb_build_object('id', c.id, 'stageId', c.stage_id, 'text', c.text,
      'phase', c.phase, 'required', c.required) ORDER BY c.position), '[]')
  FROM criteria c
  WHERE c.stage_id = p_stage_id AND c.phase = p_phase AND c.required
    AND NOT EXISTS (SELECT 1 FROM criterion_checks k WHERE k.demand_id = p_demand_id AND k.criterion_id = c.id)
$$;

-- A stored answer to (actor, idempotency key): `{ earlier }` for the same
-- demand, `{ refusal: 'IDEMPOTENCY_KEY_REUSED' }` for another, null for none.
CREATE FUNCTION "tideway_earlier_move"(p_actor_id UUID, p_key TEXT, p_demand_id UUID) RETURNS JSONB
LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN demand_id = p_demand_id THEN jsonb_build_object('earlier', response)
    ELSE jsonb_build_object('refusal', 'IDEMPOTENCY_KEY_REUSED') END
  FROM idempotent_moves WHERE actor_id = p_actor_id AND key = p_key
$$;

-- The move (apps/api/src/services/demands/move-demand.ts is its only caller;
-- DESIGN.md "Moving a demand"). Answers one JSON object:
--   { moved: { demandRow, checkedCriterionIds, seq, overWip, transitionId }, boardId, boardKey }
--   { earlier: <the stored answer>, boardId, boardKey }      a retry of an idempotency key
--   { refusal: CODE, ... details }                            nothing was written
--   { gate: true, boardId, boardKey }                        the move passes the acceptance gate of a
--                                                            demand with children on other boards:
--                                                            the caller checks the gate (it reads other
--                                                            boards' definitions of delivered) and calls
--                                                            again with p_gate_checked inside that transaction.
-- A release by the pipeline (services/pipeline/move-released-demands.ts) passes
-- `p_release_note` and no actor: it needs no role, skips the criteria and the
-- gate (the release is the proof the work shipped), and takes no sequence
-- number (its caller takes one per broadcast, inside its own transaction).
-- Locks, always in this order so concurrent moves cannot deadlock: the demand,
-- the target stage, the target lane (only when their WIP limit is counted), the
-- board row last (its seq), all held until the statement's transaction ends.
CREATE FUNCTION "tideway_move_demand"(
  p_actor_id UUID, p_demand_id UUID, p_to_stage_id UUID, p_to_lane_id UUID,
  p_before_id UUID, p_after_id UUID, p_expected_version INTEGER, p_idempotency_key TEXT,
  p_now TIMESTAMPTZ, p_gate_checked BOOLEAN, p_release_note TEXT
) RETURNS JSONB LANGUAGE plpgsql AS $$
DECLARE
  access RECORD;
  answer JSONB;
  d demands%ROWTYPE;
  from_stage stages%ROWTYPE;
  to_stage stages%ROWTYPE;
  to_lane lanes%ROWTYPE;
  bounds RECORD;
  in_progress UUID[];
  stage_changed BOOLEAN;
  lane_changed BOOLEAN;
  count_stage BOOLEAN;
  count_lane BOOLEAN;
  stage_count INTEGER;
  lane_count INTEGER;
  outcome TEXT;
  over_wip BOOLEAN := false;
  unmet JSONB;
  gate INTEGER;
  neighbour_id UUID := coalesce(p_before_id, p_after_id);
  neighbour_rank TEXT;
  new_rank TEXT;
  from_lane_id UUID;
  transition_id BIGINT;
  board_seq BIGINT;
  moved JSONB;
BEGIN
  SELECT d0.board_id, b.key AS board_key,
    CASE WHEN p_release_note IS NOT NULL THEN 'pipeline' ELSE m.role::text END AS role INTO access
  FROM demands d0 JOIN boards b ON b.id = d0.board_id
  LEFT JOIN board_members m ON m.board_id = d0.board_id AND m.user_id = p_actor_id
  WHERE d0.id = p_demand_id;
  IF access.role IS NULL THEN RETURN jsonb_build_object('refusal', 'DEMAND_NOT_VISIBLE'); END IF;
  IF access.role = 'viewer' THEN RETURN jsonb_build_object('refusal', 'ROLE_TOO_LOW', 'role', access.role); END IF;
  -- Locked before the idempotency lookup, so a concurrent retry with the same key waits here for
  -- the first one and then finds its answer; and before the archive check, so a retry still gets it.
  SELECT * INTO d FROM demands WHERE id = p_demand_id AND board_id = access.board_id FOR NO KEY UPDATE;
  IF p_idempotency_key IS NOT NULL THEN
    answer := tideway_earlier_move(p_actor_id, p_idempotency_key, p_demand_id);
    IF answer IS NOT NULL THEN
      RETURN answer || jsonb_build_object('boardId', access.board_id, 'boardKey', access.board_key);
    END IF;
  END IF;
  IF d.id IS NULL OR d.archived_at IS NOT NULL THEN RETURN jsonb_build_object('refusal', 'DEMAND_ARCHIVED'); END IF;
  from_lane_id := d.lane_id;
  IF p_expected_version IS NOT NULL AND p_expected_version <> d.version THEN
    RETURN jsonb_build_object('refusal', 'VERSION_CONFLICT', 'currentVersion', d.version);
  END IF;

  SELECT * INTO from_stage FROM stages WHERE id = d.stage_id;
  SELECT * INTO to_stage FROM stages WHERE id = p_to_stage_id AND board_id = access.board_id;
  IF NOT FOUND THEN RETURN jsonb_build_object('refusal', 'STAGE_NOT_ON_BOARD'); END IF;
  SELECT * INTO to_lane FROM lanes WHERE id = coalesce(p_to_lane_id, d.lane_id) AND board_id = access.board_id;
  IF NOT FOUND THEN RETURN jsonb_build_object('refusal', 'LANE_NOT_ON_BOARD'); END IF;

  -- move-rules.ts `limitsCheckedOnMove`.
  stage_changed := to_stage.id <> d.stage_id;
  lane_changed := to_lane.id <> d.lane_id;
  count_stage := stage_changed AND to_stage.wip_limit IS NOT NULL;
  IF to_lane.wip_limit IS NOT NULL THEN
    in_progress := tideway_in_progress_stage_ids(access.board_id);
    count_lane := to_stage.id = ANY(in_progress) AND (lane_changed OR NOT d.stage_id = ANY(in_progress));
  ELSE
    count_lane := false;
  END IF;
  -- Under READ COMMITTED each statement of this function sees what committed before it began,
  -- so the counts below include every move that held these locks before this one.
  IF count_stage THEN PERFORM 1 FROM stages WHERE id = to_stage.id FOR NO KEY UPDATE; END IF;
  IF count_lane THEN PERFORM 1 FROM lanes WHERE id = to_lane.id FOR NO KEY UPDATE; END IF;
  IF count_stage THEN
    SELECT count(*)::int INTO stage_count FROM demands WHERE stage_id = to_stage.id AND archived_at IS NULL;
    outcome := tideway_wip_outcome(to_stage.wip_limit, to_stage.wip_policy, stage_count);
    IF outcome = 'refused' THEN RETURN tideway_wip_refusal('STAGE_WIP', stage_count, to_jsonb(to_stage)); END IF;
    over_wip := outcome = 'over-soft-limit';
  END IF;
  IF count_lane THEN
    SELECT count(*)::int INTO lane_count FROM demands
    WHERE lane_id = to_lane.id AND archived_at IS NULL AND id <> p_demand_id AND stage_id = ANY(in_progress);
    outcome := tideway_wip_outcome(to_lane.wip_limit, to_lane.wip_policy, lane_count);
    IF outcome = 'refused' THEN RETURN tideway_wip_refusal('LANE_WIP', lane_count, to_jsonb(to_lane)); END IF;
    over_wip := over_wip OR outcome = 'over-soft-limit';
  END IF;

  bounds := tideway_boundary_positions(access.board_id);
  IF stage_changed AND p_release_note IS NULL THEN
    -- move-rules.ts `exitCriteriaApply`: only moving forward must meet the exit criteria.
    IF to_stage.position > from_stage.position THEN
      unmet := tideway_unmet_criteria(p_demand_id, from_stage.id, 'exit');
      IF jsonb_array_length(unmet) > 0 THEN
        RETURN jsonb_build_object('refusal', 'EXIT_CRITERIA_UNMET', 'stageId', from_stage.id,
          'stageName', from_stage.name, 'unmet', unmet);
      END IF;
    END IF;
    unmet := tideway_unmet_criteria(p_demand_id, to_stage.id, 'entry');
    IF jsonb_array_length(unmet) > 0 THEN
      RETURN jsonb_build_object('refusal', 'ENTRY_CRITERIA_UNMET', 'stageId', to_stage.id,
        'stageName', to_stage.name, 'unmet', unmet);
    END IF;
    -- portfolio/acceptance-gate.ts `passesAcceptanceGate`.
    gate := coalesce(bounds.development_end, bounds.delivered);
    IF NOT p_gate_checked AND gate IS NOT NULL AND from_stage.position < gate AND to_stage.position >= gate
      AND EXISTS (SELECT 1 FROM demands c WHERE c.parent_id = p_demand_id AND c.board_id <> access.board_id
                    AND c.archived_at IS NULL) THEN
      RETURN jsonb_build_object('gate', true, 'boardId', access.board_id, 'boardKey', access.board_key);
    END IF;
  END IF;

  -- move-demand.ts: before `p_before_id`, after `p_after_id`, or at the end of the cell; a neighbour
  -- no longer in the target cell (the client's view was stale) falls back to the end.
  IF neighbour_id IS NOT NULL THEN
    SELECT rank INTO neighbour_rank FROM demands
    WHERE id = neighbour_id AND stage_id = to_stage.id AND lane_id = to_lane.id AND archived_at IS NULL
      AND id <> p_demand_id;
  END IF;
  IF neighbour_rank IS NOT NULL AND p_before_id IS NOT NULL THEN
    new_rank := tideway_rank_between((
      SELECT rank FROM demands
      WHERE stage_id = to_stage.id AND lane_id = to_lane.id AND archived_at IS NULL AND id <> p_demand_id
        AND rank < neighbour_rank COLLATE "C"
      ORDER BY rank DESC LIMIT 1), neighbour_rank);
  ELSIF neighbour_rank IS NOT NULL THEN
    new_rank := tideway_rank_between(neighbour_rank, (
      SELECT rank FROM demands
      WHERE stage_id = to_stage.id AND lane_id = to_lane.id AND archived_at IS NULL AND id <> p_demand_id
        AND rank > neighbour_rank COLLATE "C"
      ORDER BY rank LIMIT 1));
  ELSE
    new_rank := tideway_rank_between((
      SELECT rank FROM demands
      WHERE stage_id = to_stage.id AND lane_id = to_lane.id AND archived_at IS NULL AND id <> p_demand_id
      ORDER BY rank DESC LIMIT 1), NULL);
  END IF;

  UPDATE demands SET stage_id = to_stage.id, lane_id = to_lane.id, rank = new_rank, version = version + 1,
    updated_at = p_now,
    entered_stage_at = CASE WHEN stage_changed THEN p_now ELSE entered_stage_at END,
    -- The commitment point as orderStages reads it (tideway_boundary_positions).
    committed_at = CASE WHEN committed_at IS NULL AND to_stage.position >= bounds.commitment THEN p_now
      ELSE committed_at END
  WHERE id = p_demand_id
  RETURNING * INTO d;
  IF stage_changed OR lane_changed THEN
    SELECT id INTO transition_id FROM tideway_log_transitions(access.board_id, jsonb_build_array(jsonb_build_object(
      'demandId', p_demand_id, 'kind', 'moved',
      'fromStageId', from_stage.id, 'toStageId', to_stage.id, 'fromLaneId', from_lane_id,
      'toLaneId', to_lane.id, 'at', p_now, 'actorId', p_actor_id, 'overWip', over_wip,
      'note', p_release_note))) AS id;
  END IF;
  -- Last, so the board row is locked for as little of the statement as possible.
  IF p_release_note IS NULL THEN
    UPDATE boards SET seq = seq + 1 WHERE id = access.board_id RETURNING seq INTO board_seq;
  END IF;
  moved := jsonb_build_object(
    'demandRow', to_jsonb(d),
    'checkedCriterionIds', (SELECT coalesce(jsonb_agg(criterion_id), '[]') FROM criterion_checks WHERE demand_id = p_demand_id),
    'seq', board_seq, 'overWip', over_wip, 'transitionId', coalesce(transition_id::text, ''));
  IF p_idempotency_key IS NOT NULL THEN
    INSERT INTO idempotent_moves (actor_id, key, demand_id, response)
    VALUES (p_actor_id, p_idempotency_key, p_demand_id, moved);
  END IF;
  RETURN jsonb_build_object('moved', moved, 'boardId', access.board_id, 'boardKey', access.board_key);
END $$;
