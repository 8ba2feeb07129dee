const alphabet = "0123456789abcdefghjkmnpqrstvwxyz";

/** Prefixed random ids (`sub_…`, `pol_…`) so an id says what it points at. */
export function createId(prefix: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(20));
  let out = "";
  for (const b of bytes) out += alphabet[b & 31];
  return `${prefix}_${out}`;
}
