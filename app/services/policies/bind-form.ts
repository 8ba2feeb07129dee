import { z } from "zod";
import { INSTALLMENT_PLANS } from "../billing/billing-schedule.ts";

/** The bind form of every page that binds a quote option: the option, the plan, and any declinations still needed. */
export const BindRequestForm = z.object({
  intent: z.literal("bind"),
  quoteOptionId: z.string().min(1),
  plan: z.enum(INSTALLMENT_PLANS, "Choose a payment plan"),
  billingMethod: z.enum(["direct", "agency"], "Choose direct or agency bill").default("direct"),
  declinedBy: z.array(z.string().max(200).optional()).default([]),
});
export type BindRequest = z.infer<typeof BindRequestForm>;
