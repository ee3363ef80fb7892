/** The audit log's CSV is plain RFC 4180 (`,`): the one declaration lives in src/lib/csv.ts. */
import { csvCell as cellFor, toCsv as csvFor } from "../../lib/csv";

export const csvCell = (value: string) => cellFor(value, ",");
export const toCsv = (rows: readonly (readonly string[])[]) => csvFor(rows, ",");
