-- Average order cost per lower-cased name in tumbling event-time windows, from JSON orders in
-- Kafka to an upsert-kafka topic. Variables: bootstrap, orders_topic, stats_topic, window_seconds,
-- group_id.
SET 'table.local-time-zone' = 'UTC';
SET 'pipeline.name' = 'orders-stats';

CREATE TEMPORARY TABLE orders (
  name STRING,
  cost DOUBLE,
  ts TIMESTAMP_LTZ(3),
  WATERMARK FOR ts AS ts
) WITH (
  'connector' = 'kafka',
  'topic' = '${orders_topic}',
  'properties.bootstrap.servers' = '${bootstrap}',
  'properties.group.id' = '${group_id}',
  'scan.startup.mode' = 'earliest-offset',
  'format' = 'json',
  'json.timestamp-format.standard' = 'ISO-8601',
  'json.ignore-parse-errors' = 'false'
);

CREATE TEMPORARY TABLE order_stats (
  name STRING,
  window_start STRING,
  window_end STRING,
  orders BIGINT,
  avg_cost DOUBLE,
  PRIMARY KEY (name, window_start) NOT ENFORCED
) WITH (
  'connector' = 'upsert-kafka',
  'topic' = '${stats_topic}',
  'properties.bootstrap.servers' = '${bootstrap}',
  'key.format' = 'json',
  'value.format' = 'json'
);

CREATE TEMPORARY VIEW clean_orders AS
SELECT LOWER(name) AS name, cost, ts
FROM orders
WHERE cost IS NOT NULL;

INSERT INTO order_stats
SELECT name,
       DATE_FORMAT(window_start, 'yyyy-MM-dd HH:mm:ss'),
       DATE_FORMAT(window_end, 'yyyy-MM-dd HH:mm:ss'),
       COUNT(*),
       AVG(cost)
FROM TABLE(TUMBLE(TABLE clean_orders, DESCRIPTOR(ts), INTERVAL '${window_seconds}' SECOND))
GROUP BY window_start, window_end, name;
