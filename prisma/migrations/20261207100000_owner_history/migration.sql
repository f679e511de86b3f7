-- A change of a demand's owner is part of its journey (issue 18): it is
-- appended to the transition log like blocking and archiving, with the new
-- owner's user id in "note" (null: nobody). Metrics treat it as a no-op.
ALTER TYPE "TransitionKind" ADD VALUE 'owner_changed';
