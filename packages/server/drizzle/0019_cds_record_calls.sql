-- The CDS call log's one statement per batch (routes/cds-hooks/call-log.ts) as a PL/pgSQL
-- function: PL/pgSQL keeps the statement's parsed form and plan between calls, where a plain
-- query is parsed and planned each time. Planning the two-insert statement cost more than
-- running it (about 0.5 ms against 0.3 ms for one call on PGlite).
--
-- Inserts the calls' jtis (a jti already stored is a replay and is skipped) and the cards of
-- the calls whose jti was new, in one transaction; returns the jtis that were new.
CREATE FUNCTION cds_record_calls(
  p_issuer text[],
  p_jti text[],
  p_expires_at timestamptz[],
  p_card_uuid uuid[],
  p_card_service_id text[],
  p_card_hook_instance text[],
  p_card_rule_code text[],
  p_card_indicator text[],
  p_card_issuer text[],
  p_card_jti text[]
) RETURNS TABLE (issuer text, jti text)
LANGUAGE plpgsql AS $fn$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  WITH fresh AS (
    INSERT INTO cds_jwt_ids AS j (issuer, jti, expires_at)
    SELECT * FROM unnest(p_issuer, p_jti, p_expires_at)
    ON CONFLICT DO NOTHING
    RETURNING j.issuer, j.jti
  ), cards AS (
    INSERT INTO cds_cards (uuid, service_id, hook_instance, rule_code, indicator, issuer)
    SELECT c.uuid, c.service_id, c.hook_instance, c.rule_code, c.indicator, c.issuer
    FROM unnest(p_card_uuid, p_card_service_id, p_card_hook_instance, p_card_rule_code,
                p_card_indicator, p_card_issuer, p_card_jti)
           AS c(uuid, service_id, hook_instance, rule_code, indicator, issuer, jti)
    JOIN fresh f ON f.issuer = c.issuer AND f.jti = c.jti
  )
  SELECT f.issuer, f.jti FROM fresh f;
END
$fn$;
