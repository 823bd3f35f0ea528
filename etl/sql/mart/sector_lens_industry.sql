-- Every industry code's membership of each variant of the two sector lenses: 'true', 'false', or
-- 'partial' where its SIC 2007 divisions differ. Variants (data/reference/sector-taxonomy.md
-- sections 3.3 and 4.2):
--   foundational strict   FEC material + providential zones (fe_default for mixed divisions)
--   foundational everyday strict + the overlooked zone
--   foundational broad    everyday + construction 41-43 (Welsh Government style)
--   frontier narrow       Eurostat high-tech only: 21, 26, 59-63, 72
--   frontier default      the taxonomy's frontier flag
--   frontier broad        default + IS-8 divisions 77, 78, 82
-- Owner-occupiers' imputed rent (68IMP) has no division and belongs to no lens.
CREATE TABLE mart.sector_lens_industry AS
WITH division AS (
    SELECT industry_code AS division, foundational = 'true' AS strict_fe,
           everyday = 'true' AS everyday_fe, frontier = 'true' AS frontier_flag
    FROM core.industry
    WHERE regexp_full_match(industry_code, '[0-9]{2}') AND divisions = industry_code  -- one SIC division
),
variant (lens, variant, variant_label, sort_order) AS (
    VALUES
        ('foundational', 'strict', 'Foundational (strict: material and providential)', 1),
        ('foundational', 'everyday', 'Everyday economy (strict + overlooked)', 2),
        ('foundational', 'broad', 'Foundational (broad: everyday + construction)', 3),
        ('frontier', 'narrow', 'Frontier (narrow: Eurostat high-tech)', 4),
        ('frontier', 'default', 'Frontier (default)', 5),
        ('frontier', 'broad', 'Frontier (broad: adds IS-8 divisions 77, 78, 82)', 6)
),
member AS (
    SELECT d.division, v.lens, v.variant,
           CASE v.lens || ':' || v.variant
               WHEN 'foundational:strict' THEN d.strict_fe
               WHEN 'foundational:everyday' THEN d.everyday_fe
               WHEN 'foundational:broad' THEN d.everyday_fe OR d.division IN ('41', '42', '43')
               WHEN 'frontier:narrow' THEN d.division IN ('21', '26', '59', '60', '61', '62', '63', '72')
               WHEN 'frontier:default' THEN d.frontier_flag
               WHEN 'frontier:broad' THEN d.frontier_flag OR d.division IN ('77', '78', '82')
           END AS is_member
    FROM division AS d CROSS JOIN variant AS v
),
coverage AS (
    SELECT i.industry_code, unnest(string_split(i.divisions, ',')) AS division
    FROM core.industry AS i
)
SELECT
    c.industry_code, v.lens, v.variant, v.variant_label, v.sort_order,
    CASE WHEN count(m.division) = 0 THEN 'false'
         WHEN bool_and(m.is_member) THEN 'true'
         WHEN bool_or(m.is_member) THEN 'partial'
         ELSE 'false' END AS membership
FROM (SELECT DISTINCT industry_code FROM core.industry) AS i
JOIN coverage AS c USING (industry_code)
CROSS JOIN variant AS v
LEFT JOIN member AS m ON m.division = c.division AND m.lens = v.lens AND m.variant = v.variant
GROUP BY ALL
ORDER BY c.industry_code, v.sort_order;
