import { createContext } from 'react';
import type { Session } from '../../../api/types.ts';

/** The logged-in session, provided by RequireSession to everything behind it. */
export const SessionContext = createContext<Session | null>(null);
