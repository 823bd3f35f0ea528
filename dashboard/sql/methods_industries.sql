-- The sector taxonomy: every industry code with both lenses and its exclusive bucket.
SELECT industry_code, industry_name, scheme, hierarchy, divisions, fe_category, foundational,
       everyday, frontier, bucket
FROM core.industry
ORDER BY scheme, hierarchy, industry_code;
