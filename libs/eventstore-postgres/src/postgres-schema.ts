/**
 * The PostgreSQL store's tables and its single-round-trip append function.
 *
 * Global positions and the sequence-gap bug: a plain sequence hands out positions when a transaction
 * inserts, not when it commits, so a reader that checkpoints past position 11 can later find that a slower
 * transaction committed 10 — and skip it forever. This store makes a position a function of the
 * transaction id instead: `(xid - base) * 2^20 + index in the append`, and readers only take rows whose
 * transaction id is below the oldest transaction still running (`pg_snapshot_xmin`). Every transaction
 * below that horizon has finished, and every later one gets a larger id and therefore larger positions,
 * so what a reader has passed can never grow. (The same snapshot filter Emmett uses, with positions that
 * follow it.) `base` is fixed when the schema is created, which keeps positions under 2^53 for 2^33
 * transactions.
 */
export const POSITIONS_PER_TRANSACTION = 1 << 20;
/** First key of the per-stream advisory locks (the second is the stream id's hash). */
const ADVISORY_NAMESPACE = 0x475a; // "GZ"

export function schemaSql(schema: string): string {
  const s = quoteIdent(schema);
  return `
    CREATE SCHEMA IF NOT EXISTS ${s};
    CREATE TABLE IF NOT EXISTS ${s}.meta (key text PRIMARY KEY, value bigint NOT NULL);
    INSERT INTO ${s}.meta (key, value)
      VALUES ('xid_base', pg_current_xact_id()::text::bigint - 1) ON CONFLICT (key) DO NOTHING;
    CREATE TABLE IF NOT EXISTS ${s}.events (
      global_position bigint      PRIMARY KEY,
      transaction_id  xid8        NOT NULL,
      event_id        uuid        NOT NULL UNIQUE,
      stream_id       text        NOT NULL,
      stream_version  bigint      NOT NULL,
      type            text        NOT NULL,
      schema_version  int         NOT NULL,
      data            jsonb       NOT NULL,
      correlation_id  text        NOT NULL,
      causation_id    text,
      actor           jsonb,
      occurred_at     timestamptz NOT NULL,
      recorded_at     timestamptz NOT NULL DEFAULT now(),
      UNIQUE (stream_id, stream_version)
    );
  `;
}

/**
 * Appends one batch in one round trip: `p_events` is a JSON array of the prepared events. Expected
 * version codes: -1 any, -2 no stream, -3 stream exists, n >= 0 exact. A failed expectation raises
 * SQLSTATE GZ409 with the current version in DETAIL; an event id stored before raises the unique
 * violation of `events_event_id_key`. Both are rare, so the caller sorts out repeats only then.
 */
export function appendFunctionSql(schema: string, xidBase: string): string {
  const s = quoteIdent(schema);
  return `
    DROP FUNCTION IF EXISTS ${s}.append_to_stream(text, bigint, jsonb, timestamptz);
    CREATE FUNCTION ${s}.append_to_stream(p_stream_id text, p_expected bigint, p_events jsonb, p_recorded_at timestamptz)
    RETURNS TABLE (stream_version bigint, last_position bigint, written int)
    LANGUAGE plpgsql AS $fn$
    DECLARE
      v_count int := jsonb_array_length(p_events);
      v_current bigint;
      v_xid xid8;
      v_base bigint;
    BEGIN
      -- The stream lock comes before the transaction id: an advisory lock takes no id, so a writer that
      -- waited for another on this stream gets a larger id, and the stream's events stay in version order
      -- in the global log. (The caller must not have written in this transaction before.)
      PERFORM pg_advisory_xact_lock(${ADVISORY_NAMESPACE}, hashtext(p_stream_id));
      v_xid := pg_current_xact_id();
      v_base := (v_xid::text::bigint - ${xidBase}) * ${POSITIONS_PER_TRANSACTION};

      SELECT coalesce(max(e.stream_version), 0) INTO v_current FROM ${s}.events e WHERE e.stream_id = p_stream_id;
      IF NOT (p_expected = -1 OR (p_expected = -2 AND v_current = 0) OR (p_expected = -3 AND v_current > 0)
              OR p_expected = v_current) THEN
        RAISE EXCEPTION USING ERRCODE = 'GZ409', MESSAGE = 'wrong expected version', DETAIL = v_current::text;
      END IF;

      INSERT INTO ${s}.events (global_position, transaction_id, event_id, stream_id, stream_version, type,
                               schema_version, data, correlation_id, causation_id, actor, occurred_at, recorded_at)
      SELECT v_base + t.i, v_xid, t.event_id, p_stream_id, v_current + t.i + 1, t.type,
             t.schema_version, t.data, t.correlation_id, t.causation_id, t.actor, t.occurred_at, p_recorded_at
        FROM jsonb_to_recordset(p_events) AS t(i int, event_id uuid, type text, schema_version int, data jsonb,
                                               correlation_id text, causation_id text, actor jsonb, occurred_at timestamptz);

      RETURN QUERY SELECT v_current + v_count, v_base + v_count - 1, v_count;
    END
    $fn$;
  `;
}

/**
 * Appends to several streams in one round trip: `p_appends` is a JSON array of `{stream_id, expected, events}`
 * (events as for append_to_stream). Each append is answered in order by one row; an append whose expectation
 * fails is skipped and answered `r_conflict` with its stream's current version, and the others are written all
 * the same, in one transaction. An event id stored before raises the unique violation for the whole call.
 */
export function appendManyFunctionSql(schema: string, xidBase: string): string {
  const s = quoteIdent(schema);
  return `
    DROP FUNCTION IF EXISTS ${s}.append_to_streams(jsonb, timestamptz);
    CREATE FUNCTION ${s}.append_to_streams(p_appends jsonb, p_recorded_at timestamptz)
    RETURNS TABLE (r_version bigint, r_position bigint, r_written int, r_conflict boolean)
    LANGUAGE plpgsql AS $fn$
    DECLARE
      v_key int;
      v_append jsonb;
      v_stream text;
      v_expected bigint;
      v_count int;
      v_current bigint;
      v_xid xid8;
      v_base bigint;
      v_next bigint := 0;
    BEGIN
      -- Every stream's lock before the transaction id, as in append_to_stream, and in the order of the lock keys,
      -- so two calls that share streams never wait for each other in a circle.
      FOR v_key IN SELECT DISTINCT hashtext(a->>'stream_id') FROM jsonb_array_elements(p_appends) a ORDER BY 1 LOOP
        PERFORM pg_advisory_xact_lock(${ADVISORY_NAMESPACE}, v_key);
      END LOOP;
      v_xid := pg_current_xact_id();
      v_base := (v_xid::text::bigint - ${xidBase}) * ${POSITIONS_PER_TRANSACTION};

      FOR v_append IN SELECT a.value FROM jsonb_array_elements(p_appends) WITH ORDINALITY AS a(value, n) ORDER BY a.n LOOP
        v_stream := v_append->>'stream_id';
        v_expected := (v_append->>'expected')::bigint;
        v_count := jsonb_array_length(v_append->'events');
        SELECT coalesce(max(e.stream_version), 0) INTO v_current FROM ${s}.events e WHERE e.stream_id = v_stream;
        IF NOT (v_expected = -1 OR (v_expected = -2 AND v_current = 0) OR (v_expected = -3 AND v_current > 0)
                OR v_expected = v_current) THEN
          r_version := v_current; r_position := NULL; r_written := 0; r_conflict := true;
          RETURN NEXT;
          CONTINUE;
        END IF;

        INSERT INTO ${s}.events (global_position, transaction_id, event_id, stream_id, stream_version, type,
                                 schema_version, data, correlation_id, causation_id, actor, occurred_at, recorded_at)
        SELECT v_base + v_next + t.i, v_xid, t.event_id, v_stream, v_current + t.i + 1, t.type,
               t.schema_version, t.data, t.correlation_id, t.causation_id, t.actor, t.occurred_at, p_recorded_at
          FROM jsonb_to_recordset(v_append->'events') AS t(i int, event_id uuid, type text, schema_version int, data jsonb,
                                                           correlation_id text, causation_id text, actor jsonb, occurred_at timestamptz);
        v_next := v_next + v_count;
        r_version := v_current + v_count; r_position := v_base + v_next - 1; r_written := v_count; r_conflict := false;
        RETURN NEXT;
      END LOOP;
    END
    $fn$;
  `;
}

export function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Invalid PostgreSQL schema name "${name}": use lower-case letters, digits and _`);
  return `"${name}"`;
}
