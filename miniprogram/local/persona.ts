/**
 * H5 local demo only: which seeded person the browser acts as. The local cloud maps the id sent in
 * the `x-local-persona` header to that person's OPENID in the invocation context.
 * Never imported by a weapp build (callers guard with `process.env.TARO_ENV === 'h5'`).
 */
export const LOCAL_PERSONA_KEY = 'localPersona';
export const DEFAULT_LOCAL_PERSONA = 'member';

export function currentLocalPersona(): string {
  try {
    return window.localStorage.getItem(LOCAL_PERSONA_KEY) || DEFAULT_LOCAL_PERSONA;
  } catch {
    return DEFAULT_LOCAL_PERSONA;
  }
}

export function saveLocalPersona(id: string): void {
  try {
    window.localStorage.setItem(LOCAL_PERSONA_KEY, id);
  } catch {
    // Private mode without storage: the choice lasts until the page reloads.
  }
}
