-- ITL1 regions, the parents offered for "within a region" comparisons.
SELECT geo_code, geo_name FROM core.geography WHERE geo_level = 'ITL1' ORDER BY geo_code;
