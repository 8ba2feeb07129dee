// Turns MySQL errors into Vitess RPC errors as PlanetScale returns them: `{ code, message }`,
// where code is a vtrpc code name and message carries the MySQL errno and SQLSTATE, which
// application code sometimes parses (e.g. "(errno 1062)" for duplicate keys).

export interface VitessError {
  code: string;
  message: string;
}

interface MySQLServerError {
  code?: string;
  errno: number;
  sqlState: string;
  sqlMessage: string;
}

// From Vitess' tabletserver convertErrorCode (MySQL errors that map to a specific vtrpc code);
// everything else is UNKNOWN. Keys are mysql2's error code names.
const CODE_GROUPS: Record<string, string[]> = {
  UNIMPLEMENTED: ["ER_NOT_SUPPORTED_YET"],
  RESOURCE_EXHAUSTED: [
    "ER_DISK_FULL",
    "ER_OUTOFMEMORY",
    "ER_OUT_OF_SORTMEMORY",
    "ER_CON_COUNT_ERROR",
    "ER_OUT_OF_RESOURCES",
    "ER_RECORD_FILE_FULL",
    "ER_HOST_IS_BLOCKED",
    "ER_CANT_CREATE_THREAD",
    "ER_NET_PACKET_TOO_LARGE",
    "ER_TOO_MANY_USER_CONNECTIONS",
    "ER_LOCK_TABLE_FULL",
    "ER_USER_LIMIT_REACHED",
  ],
  DEADLINE_EXCEEDED: ["ER_LOCK_WAIT_TIMEOUT"],
  UNAVAILABLE: ["ER_SERVER_SHUTDOWN"],
  NOT_FOUND: [
    "ER_FORM_NOT_FOUND",
    "ER_KEY_NOT_FOUND",
    "ER_BAD_FIELD_ERROR",
    "ER_NO_SUCH_THREAD",
    "ER_UNKNOWN_TABLE",
    "ER_CANT_FIND_UDF",
    "ER_NONEXISTING_GRANT",
    "ER_NO_SUCH_TABLE",
    "ER_NONEXISTING_TABLE_GRANT",
    "ER_KEY_DOES_NOT_EXITS",
  ],
  PERMISSION_DENIED: [
    "ER_DBACCESS_DENIED_ERROR",
    "ER_ACCESS_DENIED_ERROR",
    "ER_KILL_DENIED_ERROR",
    "ER_NO_PERMISSION_TO_CREATE_USER",
    "ER_SPECIFIC_ACCESS_DENIED_ERROR",
  ],
  FAILED_PRECONDITION: [
    "ER_NO_DB_ERROR",
    "ER_NO_SUCH_INDEX",
    "ER_CANT_DROP_FIELD_OR_KEY",
    "ER_TABLE_NOT_LOCKED_FOR_WRITE",
    "ER_TABLE_NOT_LOCKED",
    "ER_TOO_BIG_SELECT",
    "ER_NOT_ALLOWED_COMMAND",
    "ER_TOO_LONG_STRING",
    "ER_DUP_UNIQUE",
    "ER_REQUIRES_PRIMARY_KEY",
    "ER_CANT_DO_THIS_DURING_AN_TRANSACTION",
    "ER_READ_ONLY_TRANSACTION",
    "ER_CANNOT_ADD_FOREIGN",
    "ER_NO_REFERENCED_ROW",
    "ER_ROW_IS_REFERENCED",
    "ER_CANT_UPDATE_WITH_READLOCK",
    "ER_NO_DEFAULT",
    "ER_OPERAND_COLUMNS",
    "ER_SUBQUERY_NO_1_ROW",
    "ER_NON_UPDATABLE_TABLE",
    "ER_FEATURE_DISABLED",
    "ER_DUPLICATED_VALUE_IN_TYPE",
    "ER_ROW_IS_REFERENCED_2",
    "ER_NO_REFERENCED_ROW_2",
    "ER_WARN_DATA_OUT_OF_RANGE",
  ],
  ALREADY_EXISTS: ["ER_TABLE_EXISTS_ERROR", "ER_DUP_ENTRY", "ER_FILE_EXISTS_ERROR", "ER_UDF_EXISTS"],
  ABORTED: ["ER_GOT_SIGNAL", "ER_FORCING_CLOSE", "ER_ABORTING_CONNECTION", "ER_LOCK_DEADLOCK"],
  INVALID_ARGUMENT: [
    "ER_UNKNOWN_COM_ERROR",
    "ER_BAD_NULL_ERROR",
    "ER_BAD_DB_ERROR",
    "ER_BAD_TABLE_ERROR",
    "ER_NON_UNIQ_ERROR",
    "ER_WRONG_FIELD_WITH_GROUP",
    "ER_WRONG_GROUP_FIELD",
    "ER_WRONG_SUM_SELECT",
    "ER_WRONG_VALUE_COUNT",
    "ER_TOO_LONG_IDENT",
    "ER_DUP_FIELDNAME",
    "ER_DUP_KEYNAME",
    "ER_WRONG_FIELD_SPEC",
    "ER_PARSE_ERROR",
    "ER_EMPTY_QUERY",
    "ER_NONUNIQ_TABLE",
    "ER_INVALID_DEFAULT",
    "ER_MULTIPLE_PRI_KEY",
    "ER_TOO_MANY_KEYS",
    "ER_TOO_MANY_KEY_PARTS",
    "ER_TOO_LONG_KEY",
    "ER_KEY_COLUMN_DOES_NOT_EXITS",
    "ER_BLOB_USED_AS_KEY",
    "ER_TOO_BIG_FIELDLENGTH",
    "ER_WRONG_AUTO_KEY",
    "ER_WRONG_FIELD_TERMINATORS",
    "ER_BLOBS_AND_NO_TERMINATED",
    "ER_TEXTFILE_NOT_READABLE",
    "ER_WRONG_SUB_KEY",
    "ER_CANT_REMOVE_ALL_FIELDS",
    "ER_UPDATE_TABLE_USED",
    "ER_NO_TABLES_USED",
    "ER_TOO_BIG_SET",
    "ER_BLOB_CANT_HAVE_DEFAULT",
    "ER_WRONG_DB_NAME",
    "ER_WRONG_TABLE_NAME",
    "ER_UNKNOWN_PROCEDURE",
    "ER_WRONG_PARAMCOUNT_TO_PROCEDURE",
    "ER_WRONG_PARAMETERS_TO_PROCEDURE",
    "ER_FIELD_SPECIFIED_TWICE",
    "ER_INVALID_GROUP_FUNC_USE",
    "ER_TABLE_MUST_HAVE_COLUMNS",
    "ER_UNKNOWN_CHARACTER_SET",
    "ER_TOO_MANY_TABLES",
    "ER_TOO_MANY_FIELDS",
    "ER_TOO_BIG_ROWSIZE",
    "ER_WRONG_OUTER_JOIN",
    "ER_NULL_COLUMN_IN_INDEX",
    "ER_FUNCTION_NOT_DEFINED",
    "ER_WRONG_VALUE_COUNT_ON_ROW",
    "ER_INVALID_USE_OF_NULL",
    "ER_REGEXP_ERROR",
    "ER_MIX_OF_GROUP_FUNC_AND_FIELDS",
    "ER_ILLEGAL_GRANT_FOR_TABLE",
    "ER_SYNTAX_ERROR",
    "ER_WRONG_COLUMN_NAME",
    "ER_WRONG_KEY_COLUMN",
    "ER_BLOB_KEY_WITHOUT_LENGTH",
    "ER_PRIMARY_CANT_HAVE_NULL",
    "ER_TOO_MANY_ROWS",
    "ER_UNKNOWN_SYSTEM_VARIABLE",
    "ER_SET_CONSTANTS_ONLY",
    "ER_WRONG_ARGUMENTS",
    "ER_WRONG_USAGE",
    "ER_WRONG_NUMBER_OF_COLUMNS_IN_SELECT",
    "ER_DUP_ARGUMENT",
    "ER_LOCAL_VARIABLE",
    "ER_GLOBAL_VARIABLE",
    "ER_WRONG_VALUE_FOR_VAR",
    "ER_WRONG_TYPE_FOR_VAR",
    "ER_VAR_CANT_BE_READ",
    "ER_CANT_USE_OPTION_HERE",
    "ER_INCORRECT_GLOBAL_LOCAL_VAR",
    "ER_WRONG_FK_DEF",
    "ER_KEY_REF_DO_NOT_MATCH_TABLE_REF",
    "ER_CYCLIC_REFERENCE",
    "ER_COLLATION_CHARSET_MISMATCH",
    "ER_CANT_AGGREGATE_2COLLATIONS",
    "ER_CANT_AGGREGATE_3COLLATIONS",
    "ER_CANT_AGGREGATE_NCOLLATIONS",
    "ER_VARIABLE_IS_NOT_STRUCT",
    "ER_UNKNOWN_COLLATION",
    "ER_WRONG_NAME_FOR_INDEX",
    "ER_WRONG_NAME_FOR_CATALOG",
    "ER_BAD_FT_COLUMN",
    "ER_TRUNCATED_WRONG_VALUE",
    "ER_TOO_MUCH_AUTO_TIMESTAMP_COLS",
    "ER_INVALID_ON_UPDATE",
    "ER_UNKNOWN_TIME_ZONE",
    "ER_INVALID_CHARACTER_STRING",
    "ER_ILLEGAL_REFERENCE",
    "ER_DERIVED_MUST_HAVE_ALIAS",
    "ER_TABLENAME_NOT_ALLOWED_HERE",
    "ER_DATA_TOO_LONG",
    "ER_DATA_OUT_OF_RANGE",
    "ER_TRUNCATED_WRONG_VALUE_FOR_FIELD",
  ],
};

const VTRPC_CODE_BY_MYSQL_CODE = new Map(
  Object.entries(CODE_GROUPS).flatMap(([vtrpcCode, mysqlCodes]) => mysqlCodes.map((c) => [c, vtrpcCode] as const)),
);

export interface ErrorContext {
  /** Database name, shown where Vitess names the keyspace. */
  database: string;
  /** Authenticated user, shown where Vitess names the caller. */
  username: string;
  sql: string;
}

export function toVitessError(error: unknown, context: ErrorContext): VitessError {
  if (isMySQLServerError(error)) {
    const code = VTRPC_CODE_BY_MYSQL_CODE.get(error.code ?? "") ?? "UNKNOWN";
    const detail = `${error.sqlMessage} (errno ${error.errno}) (sqlstate ${error.sqlState})`;
    // Same layout as vttablet errors relayed by PlanetScale. PlanetScale redacts bind variables;
    // here the parameters are already interpolated into the SQL by the driver.
    return {
      code,
      message:
        `target: ${context.database}.-.primary: vttablet: rpc error: code = ${grpcName(code)} desc = ${detail} ` +
        `(CallerID: ${context.username}): Sql: ${JSON.stringify(context.sql)}, BindVars: {REDACTED}`,
    };
  }
  // Not an answer from MySQL: the connection to it failed.
  const message = error instanceof Error ? error.message : String(error);
  return {
    code: "UNAVAILABLE",
    message: `target: ${context.database}.-.primary: vttablet: rpc error: code = Unavailable desc = ${message}`,
  };
}

export function transactionEndedError(idleTimeoutMs: number, username: string): VitessError {
  return {
    code: "ABORTED",
    message:
      `vttablet: rpc error: code = Aborted desc = transaction ended: rolled back after ${idleTimeoutMs} ms idle ` +
      `(CallerID: ${username})`,
  };
}

function isMySQLServerError(error: unknown): error is MySQLServerError {
  return typeof error === "object" && error !== null && "sqlState" in error && "errno" in error;
}

/** vtrpc codes appear in messages under their gRPC names: ALREADY_EXISTS -> AlreadyExists. */
function grpcName(code: string): string {
  return code
    .toLowerCase()
    .split("_")
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join("");
}
