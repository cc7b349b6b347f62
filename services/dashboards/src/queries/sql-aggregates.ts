/**
 * How many rows of a group meet the condition, as SQL both SQLite and PostgreSQL read alike. A bare boolean column
 * is a condition on both (PostgreSQL's booleans, SQLite's 0 and 1), and a null one counts as not met.
 */
export const ONE_IF = (condition: string) => `SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END)`;
