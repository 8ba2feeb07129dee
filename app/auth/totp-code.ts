import { z } from "zod";

export const TotpCodeSchema = z.object({
  code: z.string("Enter the 6-digit code").regex(/^\d{6}$/, "Enter the 6-digit code from your authenticator app"),
  redirectTo: z.string().optional(),
});
