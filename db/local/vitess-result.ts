// Turns mysql2 results into Vitess `query.QueryResult` JSON, the shape PlanetScale's HTTP API
// returns (protobuf JSON: camelCase keys, 64-bit integers as strings, zero values omitted).
import type { FieldPacket, ResultSetHeader } from "mysql2/promise";

export interface VitessField {
  name: string;
  type?: string;
  table?: string;
  orgTable?: string;
  database?: string;
  orgName?: string;
  columnLength?: number;
  charset?: number;
  decimals?: number;
  flags?: number;
}

export interface VitessRow {
  lengths: string[];
  values?: string;
}

export interface VitessQueryResult {
  fields?: VitessField[];
  rows?: VitessRow[];
  rowsAffected?: string;
  insertId?: string;
}

/** Raw text-protocol values, as mysql2 returns them with `typeCast: false` and `rowsAsArray`. */
export type RawRow = Array<Buffer | null>;

// Column flags from the MySQL protocol.
const UNSIGNED_FLAG = 32;
const BINARY_FLAG = 128;
const ENUM_FLAG = 256;
const SET_FLAG = 2048;

// MySQL protocol type codes (include/mysql_com.h).
const MysqlType = {
  DECIMAL: 0,
  TINY: 1,
  SHORT: 2,
  LONG: 3,
  FLOAT: 4,
  DOUBLE: 5,
  NULL: 6,
  TIMESTAMP: 7,
  LONGLONG: 8,
  INT24: 9,
  DATE: 10,
  TIME: 11,
  DATETIME: 12,
  YEAR: 13,
  NEWDATE: 14,
  VARCHAR: 15,
  BIT: 16,
  TIMESTAMP2: 17,
  DATETIME2: 18,
  TIME2: 19,
  JSON: 245,
  NEWDECIMAL: 246,
  ENUM: 247,
  SET: 248,
  TINY_BLOB: 249,
  MEDIUM_BLOB: 250,
  LONG_BLOB: 251,
  BLOB: 252,
  VAR_STRING: 253,
  STRING: 254,
  GEOMETRY: 255,
} as const;

/**
 * The Vitess type name for a column, following Vitess' `sqltypes.MySQLToType`: the protocol type
 * refined by the UNSIGNED, BINARY, ENUM and SET flags. Undefined for NULL columns, which protobuf
 * JSON leaves out and the driver reads as "NULL".
 */
export function vitessType(field: FieldPacket): string | undefined {
  // MariaDB's JSON is a LONGTEXT alias; only its extended metadata says it holds JSON.
  if (field.extendedFormat === "json") return "JSON";
  const flags = Number(field.flags);
  const unsigned = (flags & UNSIGNED_FLAG) !== 0;
  const binary = (flags & BINARY_FLAG) !== 0;
  switch (field.columnType) {
    case MysqlType.TINY:
      return unsigned ? "UINT8" : "INT8";
    case MysqlType.SHORT:
      return unsigned ? "UINT16" : "INT16";
    case MysqlType.INT24:
      return unsigned ? "UINT24" : "INT24";
    case MysqlType.LONG:
      return unsigned ? "UINT32" : "INT32";
    case MysqlType.LONGLONG:
      return unsigned ? "UINT64" : "INT64";
    case MysqlType.DECIMAL:
    case MysqlType.NEWDECIMAL:
      return "DECIMAL";
    case MysqlType.FLOAT:
      return "FLOAT32";
    case MysqlType.DOUBLE:
      return "FLOAT64";
    case MysqlType.NULL:
      return undefined;
    case MysqlType.TIMESTAMP:
    case MysqlType.TIMESTAMP2:
      return "TIMESTAMP";
    case MysqlType.DATE:
    case MysqlType.NEWDATE:
      return "DATE";
    case MysqlType.TIME:
    case MysqlType.TIME2:
      return "TIME";
    case MysqlType.DATETIME:
    case MysqlType.DATETIME2:
      return "DATETIME";
    case MysqlType.YEAR:
      return "YEAR";
    case MysqlType.BIT:
      return "BIT";
    case MysqlType.JSON:
      return "JSON";
    case MysqlType.ENUM:
      return "ENUM";
    case MysqlType.SET:
      return "SET";
    case MysqlType.GEOMETRY:
      return "GEOMETRY";
    case MysqlType.VARCHAR:
    case MysqlType.VAR_STRING:
      return binary ? "VARBINARY" : "VARCHAR";
    case MysqlType.TINY_BLOB:
    case MysqlType.MEDIUM_BLOB:
    case MysqlType.LONG_BLOB:
    case MysqlType.BLOB:
      return binary ? "BLOB" : "TEXT";
    case MysqlType.STRING:
      // ENUM and SET travel as STRING with a flag. Like Vitess, a _bin collation (BINARY flag)
      // wins, so CHAR ... COLLATE utf8mb4_bin reports BINARY; its charset still says text.
      if (binary) return "BINARY";
      if (flags & ENUM_FLAG) return "ENUM";
      if (flags & SET_FLAG) return "SET";
      return "CHAR";
    default:
      throw new Error(`Unsupported MySQL column type ${field.columnType} for column ${field.name}`);
  }
}

export function toVitessField(field: FieldPacket): VitessField {
  return dropZeroValues({
    name: field.name,
    type: vitessType(field),
    table: field.table,
    orgTable: field.orgTable,
    database: field.schema,
    orgName: field.orgName,
    columnLength: field.columnLength,
    // The driver decodes values as bytes exactly when charset is 63 (binary).
    charset: field.characterSet,
    decimals: field.decimals,
    flags: Number(field.flags),
  });
}

/** A row as `lengths` (-1 for NULL) plus the base64 of all non-NULL values concatenated. */
export function toVitessRow(row: RawRow): VitessRow {
  const lengths = row.map((value) => (value === null ? "-1" : String(value.length)));
  const bytes = Buffer.concat(row.filter((value) => value !== null));
  return bytes.length ? { lengths, values: bytes.toString("base64") } : { lengths };
}

export function resultSetToVitess(rows: RawRow[], fields: FieldPacket[]): VitessQueryResult {
  return dropZeroValues({ fields: fields.map(toVitessField), rows: rows.map(toVitessRow) });
}

export function okPacketToVitess(header: ResultSetHeader): VitessQueryResult {
  // mysql2 reads the OK packet's insert id as signed; the protocol value is unsigned.
  const insertId = BigInt.asUintN(64, BigInt(header.insertId));
  return dropZeroValues({
    rowsAffected: header.affectedRows ? String(header.affectedRows) : undefined,
    insertId: insertId ? insertId.toString() : undefined,
  });
}

function dropZeroValues<T extends object>(value: T): T {
  const isZero = (v: unknown) =>
    v === undefined || v === null || v === "" || v === 0 || (Array.isArray(v) && v.length === 0);
  return Object.fromEntries(Object.entries(value).filter(([, v]) => !isZero(v))) as T;
}
