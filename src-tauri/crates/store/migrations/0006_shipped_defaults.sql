-- Shipped defaults (skill areas with half-lives, dated field changes, the built-in skill
-- frameworks) are data, seeded once by this migration's Rust step (migrate.rs) rather than by
-- flags checked on every open. A later release that ships new defaults adds a migration of its
-- own, so they reach existing stores too (as 0005 did for the re-dated field changes).
SELECT 1;
