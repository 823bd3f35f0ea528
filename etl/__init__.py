"""ETL for the beyond-GDP dashboard: ONS files -> DuckDB warehouse (raw -> core -> mart)."""
