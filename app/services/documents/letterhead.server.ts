import type { Database } from "../../../db/client.ts";
import { findDocumentIdentity } from "../../models/org-settings.server.ts";
import type { Letterhead, LogoType } from "./letterhead.ts";

/**
 * The organization's letterhead for a document being rendered now: its document name and, when
 * it has one, its logo read from R2. A logo missing from storage leaves the name alone rather
 * than failing the document.
 */
export async function loadLetterhead(db: Database, bucket: R2Bucket, orgId: string): Promise<Letterhead> {
  const identity = await findDocumentIdentity(db, orgId);
  if (!identity) throw new Error(`organization ${orgId} not found`);
  if (!identity.logoKey || !identity.logoContentType) return { name: identity.name, logo: null };
  const object = await bucket.get(identity.logoKey);
  if (!object) {
    console.error(`logo ${identity.logoKey} of ${orgId} is missing from storage; documents print the name only`);
    return { name: identity.name, logo: null };
  }
  return {
    name: identity.name,
    logo: { bytes: new Uint8Array(await object.arrayBuffer()), contentType: identity.logoContentType as LogoType },
  };
}
