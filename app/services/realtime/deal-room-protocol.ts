import { z } from "zod";

// The wire protocol of a deal room, shared by the room (party/deal-room.ts) and the browser.
// Every client message is parsed with `clientMessageSchema`; anything else is answered with an
// error and changes nothing.

/** Fields of a submission that can carry an annotation, with the label the room shows. */
export const ANNOTATABLE_FIELDS = {
  insuredName: "Insured",
  lineOfBusiness: "Line of business",
  state: "State",
  naicsCode: "NAICS code",
  annualRevenue: "Annual revenue",
  payroll: "Payroll",
  requestedLimit: "Requested limit",
  deductible: "Deductible",
  effectiveDate: "Effective date",
  indicatedPremium: "Indicated premium",
} as const;
export type AnnotatableField = keyof typeof ANNOTATABLE_FIELDS;

const fieldNames = Object.keys(ANNOTATABLE_FIELDS) as [AnnotatableField, ...AnnotatableField[]];

export const MAX_MESSAGE_LENGTH = 4000;
export const MAX_ANNOTATION_LENGTH = 2000;

const text = (max: number) => z.string().trim().min(1, "Write something first.").max(max, `At most ${max} characters.`);

export const annotationTargetSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("field"), name: z.enum(fieldNames) }),
  // Documents are named by their id (an upload, the ACORD form, the declarations).
  z.object({ kind: z.literal("document"), id: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, "Not a document id.") }),
]);
export type AnnotationTarget = z.infer<typeof annotationTargetSchema>;

export const clientMessageSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("chat"), body: text(MAX_MESSAGE_LENGTH) }).strict(),
  z.object({ type: z.literal("annotate"), target: annotationTargetSchema, text: text(MAX_ANNOTATION_LENGTH) }).strict(),
  z.object({ type: z.literal("resolve_annotation"), annotationId: z.string().min(1).max(36) }).strict(),
]);
export type ClientMessage = z.infer<typeof clientMessageSchema>;

export type ParseResult = { ok: true; message: ClientMessage } | { ok: false; error: string };

/** Parses one raw WebSocket frame; binary frames and invalid JSON are errors like any other. */
export function parseClientMessage(raw: unknown): ParseResult {
  if (typeof raw !== "string") return { ok: false, error: "Messages must be JSON text." };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, error: "Messages must be JSON text." };
  }
  const parsed = clientMessageSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: issue ? `${issue.path.join(".") || "message"}: ${issue.message}` : "Invalid message." };
  }
  return { ok: true, message: parsed.data };
}

export type RoomStatus = "active" | "archived" | "closed";
export type Rights = { chat: boolean; annotate: boolean; edit: boolean };

export type RoomParticipant = { userId: string; name: string; handle: string; role: string; rights: Rights };
export type RoomMessage = { id: string; authorUserId: string; body: string; createdAt: string };
export type RoomAnnotation = {
  id: string;
  authorUserId: string;
  target: AnnotationTarget;
  text: string;
  resolvedByUserId: string | null;
  createdAt: string;
};

export type ServerMessage =
  | {
      type: "snapshot";
      status: RoomStatus;
      participants: RoomParticipant[];
      present: string[];
      messages: RoomMessage[];
      annotations: RoomAnnotation[];
    }
  | { type: "message"; message: RoomMessage }
  | { type: "annotation"; annotation: RoomAnnotation }
  | { type: "presence"; present: string[] }
  | { type: "participants"; participants: RoomParticipant[] }
  | { type: "status"; status: RoomStatus }
  | { type: "error"; code: string; error: string };
