/** App-wide events on `Taro.eventCenter`. */
export const EVENTS = {
  /** H5 demo: the local persona changed, so every page reloads its data as the new person. */
  personaChanged: 'persona:changed',
} as const;
