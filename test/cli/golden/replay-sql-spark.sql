-- cloudtco replay sql --dialect spark: the requests of logs.requests, one row each, added up by UTC day,
-- model, tier and prompt band into the aggregated usage cloudtco prices exactly:
--   cloudtco replay usage-aggregated.csv --preset aggregated --scenario <scenario>
-- Prompt bands: over 200000, 272000 tokens (the catalog's long-context thresholds).
-- To a CSV file: spark.sql(<the SELECT below>).coalesce(1).write.option('header', True).csv('usage-aggregated')
SET spark.sql.session.timeZone = UTC;
SELECT
  period, model, tier, prompt_over,
  SUM(request_count) AS requests,
  SUM(uncached_in) AS input_tokens,
  SUM(cached_in) AS cached_input_tokens,
  SUM(written_in) AS cache_write_tokens,
  SUM(written_1h_in) AS cache_write_1h_tokens,
  SUM(out) AS output_tokens
FROM (
  SELECT
    date_format(CAST(`startTime` AS TIMESTAMP), 'yyyy-MM-dd') AS period,
    `model` AS model,
    CASE WHEN COALESCE(CAST(`is_batch` AS BOOLEAN), FALSE) THEN 'batch' ELSE 'standard' END AS tier,
    CASE WHEN COALESCE(`prompt_tokens`, 0) > 272000 THEN 272000 WHEN COALESCE(`prompt_tokens`, 0) > 200000 THEN 200000 ELSE NULL END AS prompt_over,
    COALESCE(`n`, 0) AS request_count,
    COALESCE(`prompt_tokens`, 0) - COALESCE(`cache_read`, 0) - 0 AS uncached_in,
    COALESCE(`cache_read`, 0) AS cached_in,
    0 AS written_in,
    0 AS written_1h_in,
    COALESCE(`completion_tokens`, 0) AS out
  FROM `logs`.`requests`
) AS r
GROUP BY period, model, tier, prompt_over
ORDER BY period, model, tier, prompt_over;
