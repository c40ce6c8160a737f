import {createContext, useContext} from 'react';

// Keys can arrive faster than React renders (typing ":po⏎" over SSH comes in one read). Whether a prompt or
// dialog owns the keyboard is therefore kept in a ref and asked synchronously, never taken from a stale render.
export interface InputGate {
  viewsBlocked(): boolean;
}

export const InputGateContext = createContext<InputGate>({viewsBlocked: () => false});

export function useInputGate(): InputGate {
  return useContext(InputGateContext);
}
