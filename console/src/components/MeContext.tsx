/** Who is signed in (consoleMe), for pages that default to the admin's own union. */
import { createContext, useContext } from 'react';
import type { ConsoleMeResult } from '../../../shared/member/console';

export type Me = ConsoleMeResult;

export const MeContext = createContext<Me | null>(null);

export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe outside the signed-in shell');
  return me;
}
