/** A random 16-hex-character id, one per call, so the server can log and de-duplicate retries. */
export function newRequestId(): string {
  let id = '';
  for (let i = 0; i < 16; i += 1) {
    id += Math.floor(Math.random() * 16).toString(16);
  }
  return id;
}
