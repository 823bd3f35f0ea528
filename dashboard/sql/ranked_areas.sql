-- One indicator, one period, all areas of one level plus the UK, for a ranked chart.
SELECT geo_code, geo_name, geo_level, value, status, lci_95, uci_95, release_id
FROM mart.observation_latest
WHERE indicator_id = ? AND period = ? AND industry_code = 'Total' AND sex = 'all'
  AND (geo_level = ? OR geo_code = 'UK')
ORDER BY value DESC NULLS LAST;
