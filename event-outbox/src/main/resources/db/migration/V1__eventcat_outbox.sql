-- Eventcat transactional outbox and idempotent-consumer tables (PostgreSQL 12+).
-- Drop this file into a Flyway (db/migration) or Liquibase (sqlFile) change set as it is.
-- The Java side (io.github.eventcat.outbox) uses exactly these table and column names.

-- Events waiting to be published. A service inserts rows in its own transaction (OutboxWriter);
-- OutboxRelay publishes them in id order and deletes each row once the broker acknowledged it.
-- Values are Confluent wire-format bytes (magic byte, schema id, payload), serialized at write time.
CREATE TABLE IF NOT EXISTS eventcat_outbox (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id      UUID        NOT NULL UNIQUE,    -- also sent as header eventcat.event.id
    topic         TEXT        NOT NULL,
    record_key    BYTEA,                          -- UTF-8 key text; NULL: Kafka picks the partition
    record_value  BYTEA,                          -- NULL: a tombstone
    header_keys   TEXT[]      NOT NULL DEFAULT '{}',
    header_values BYTEA[]     NOT NULL DEFAULT '{}',
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The relay's "is an older row of this key still waiting?" check (per-key order across relays).
CREATE INDEX IF NOT EXISTS eventcat_outbox_key_order ON eventcat_outbox (topic, record_key, id);

-- Events a consumer has handled, recorded in the handler's own transaction (JdbcProcessedEventStore).
-- One row per (consumer, event): several consumers of the same event in one database are independent.
CREATE TABLE IF NOT EXISTS eventcat_processed_event (
    consumer     TEXT        NOT NULL,
    event_id     TEXT        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);

-- Pruning ids older than the longest redelivery window (JdbcProcessedEventStore.deleteProcessedBefore).
CREATE INDEX IF NOT EXISTS eventcat_processed_event_age ON eventcat_processed_event (processed_at);
