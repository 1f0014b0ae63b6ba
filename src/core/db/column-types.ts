// Column types shared by the table types (schema*.ts). Kysely does not unwrap a
// ColumnType nested in Generated<> or in a union with null, so timestamps have
// their own flat column types (insert is optional).
import type { ColumnType } from 'kysely';

export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
export type Json<T = unknown> = ColumnType<T, string | T, string | T>;
