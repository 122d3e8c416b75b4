/**
 * The one react-dom entry the 工会工作台 uses (console/src/main.tsx). react-dom ships no types and
 * the project does not add @types/react-dom for one function.
 */
declare module 'react-dom/client' {
  import type { ReactNode } from 'react';

  export interface Root {
    render(children: ReactNode): void;
    unmount(): void;
  }
  export function createRoot(container: Element | DocumentFragment): Root;
}
