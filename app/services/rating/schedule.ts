import {
  addDecimals,
  compareDecimals,
  DECIMAL_ONE,
  DECIMAL_ZERO,
  decimalToString,
  isDecimalString,
  parseDecimal,
  type Decimal,
} from "../../utils/decimal.ts";
import type { CompiledRateTable, RatingError, ScheduleAdjustment } from "./types.ts";

export interface ResolvedSchedule {
  /** 1 + the sum of all credits and debits. */
  readonly factor: Decimal;
  readonly input: string;
}

/**
 * Sums the underwriter's credits and debits. Only the total is bounded (the table's range, at
 * most -25%..+25%): a debit may offset a credit. Every adjustment needs a reason because schedule
 * rating is audited and may trigger an adverse-action notice.
 */
export function resolveSchedule(
  adjustments: readonly ScheduleAdjustment[],
  table: CompiledRateTable,
): ResolvedSchedule | RatingError {
  if (adjustments.length === 0) {
    return { factor: DECIMAL_ONE, input: "No schedule credits or debits" };
  }
  let total = DECIMAL_ZERO;
  const parts: string[] = [];
  for (let index = 0; index < adjustments.length; index += 1) {
    const adjustment = adjustments[index] as ScheduleAdjustment;
    if (typeof adjustment.factor !== "string" || !isDecimalString(adjustment.factor)) {
      return {
        code: "invalid_schedule_adjustment",
        index,
        message: `Schedule adjustment ${index + 1}: "${adjustment.factor}" is not a decimal such as "-0.05"`,
      };
    }
    const reason = typeof adjustment.reason === "string" ? adjustment.reason.trim() : "";
    if (reason === "") {
      return {
        code: "invalid_schedule_adjustment",
        index,
        message: `Schedule adjustment ${index + 1} needs a reason`,
      };
    }
    const value = parseDecimal(adjustment.factor);
    total = addDecimals(total, value);
    parts.push(`${signed(value)} ${reason}`);
  }
  const { min, max } = table.schedule;
  if (compareDecimals(total, min) < 0 || compareDecimals(total, max) > 0) {
    const [totalText, minText, maxText] = [signed(total), decimalToString(min), decimalToString(max)];
    return {
      code: "schedule_out_of_bounds",
      total: totalText,
      min: minText,
      max: maxText,
      message: `Schedule rating total ${totalText} is outside ${minText}..${maxText}`,
    };
  }
  return {
    factor: addDecimals(DECIMAL_ONE, total),
    input: `${parts.join("; ")} (total ${signed(total)})`,
  };
}

function signed(value: Decimal): string {
  return value.coefficient > 0n ? `+${decimalToString(value)}` : decimalToString(value);
}
