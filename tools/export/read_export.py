"""Reads an analytics export with DuckDB (an independent Parquet reader) and prints what an analyst would ask
first, as JSON: rows per table from the Parquet files and from the CSV files, the columns of each table, and
the distinct pseudonyms of case reporters and of points holders."""
import json
import os
import sys

import duckdb

out = sys.argv[1]
tables = sorted(name for name in os.listdir(out) if os.path.isdir(os.path.join(out, name)))
result = {"tables": {}}
for table in tables:
    parquet = f"read_parquet('{out}/{table}/*/*.parquet', hive_partitioning = true, union_by_name = true)"
    csv = f"read_csv('{out}/{table}/*/*.csv', hive_partitioning = true, union_by_name = true)"
    result["tables"][table] = {
        "rows": duckdb.sql(f"SELECT count(*) FROM {parquet}").fetchall()[0][0],
        "csv_rows": duckdb.sql(f"SELECT count(*) FROM {csv}").fetchall()[0][0],
        "days": [row[0] for row in duckdb.sql(f"SELECT DISTINCT CAST(day AS VARCHAR) FROM {parquet} ORDER BY 1").fetchall()],
        "columns": [row[0] for row in duckdb.sql(f"DESCRIBE SELECT * FROM {parquet}").fetchall()],
    }
if "cases" in tables:
    result["reporters"] = [row[0] for row in duckdb.sql(
        f"SELECT DISTINCT reporter_id FROM read_parquet('{out}/cases/*/*.parquet', union_by_name = true) WHERE reporter_id IS NOT NULL ORDER BY 1").fetchall()]
if "points" in tables:
    result["points_holders"] = [row[0] for row in duckdb.sql(
        f"SELECT DISTINCT resident_id FROM read_parquet('{out}/points/*/*.parquet', union_by_name = true) WHERE resident_id IS NOT NULL ORDER BY 1").fetchall()]
print(json.dumps(result))
