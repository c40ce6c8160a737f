import type {ReactNode} from 'react';
import {InputGateContext, useStandaloneGate} from './input-gate.js';

// The keyboard for a screen that runs without the App (node-only mode): views inside register with it exactly
// as they do in the App, so a view opened inside another gets keys typed the instant it appears.
export function StandaloneKeys({children}: {children: ReactNode}) {
  const gate = useStandaloneGate();
  return <InputGateContext.Provider value={gate}>{children}</InputGateContext.Provider>;
}
