-- The pool a cluster belongs to: a spec's cluster may name a pool, and the supervisor places it on a member.
ALTER TABLE clusters ADD COLUMN pool TEXT;
