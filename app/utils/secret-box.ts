// Secrets the app must read back (a webhook's signing secret) are stored sealed with AES-256-GCM
// under a key derived from the app secret for one purpose, so a database dump alone does not
// reveal them. Format: `v1.<base64 iv>.<base64 ciphertext+tag>`.

const encoder = new TextEncoder();

async function keyFor(appSecret: string, purpose: string): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey("raw", encoder.encode(appSecret), "HKDF", false, ["deriveKey"]);
  return crypto.subtle.deriveKey(
    { name: "HKDF", hash: "SHA-256", salt: new Uint8Array(0), info: encoder.encode(purpose) },
    material,
    { name: "AES-GCM", length: 256 },
    false,
    ["encrypt", "decrypt"],
  );
}

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

export async function sealSecret(appSecret: string, purpose: string, plaintext: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = new Uint8Array(
    await crypto.subtle.encrypt({ name: "AES-GCM", iv }, await keyFor(appSecret, purpose), encoder.encode(plaintext)),
  );
  return `v1.${toBase64(iv)}.${toBase64(sealed)}`;
}

/** Throws when the value was sealed under another key or purpose, or was altered. */
export async function openSecret(appSecret: string, purpose: string, sealed: string): Promise<string> {
  const [version, iv, data] = sealed.split(".");
  if (version !== "v1" || !iv || !data) throw new Error("Not a sealed secret");
  const plain = await crypto.subtle.decrypt(
    { name: "AES-GCM", iv: fromBase64(iv) },
    await keyFor(appSecret, purpose),
    fromBase64(data),
  );
  return new TextDecoder().decode(plain);
}
