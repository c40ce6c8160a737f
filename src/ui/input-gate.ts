import {createContext, useContext, useLayoutEffect, useMemo} from 'react';
import {useInput} from 'ink';
import type {Key} from 'ink';
import {useLatest} from './use-latest.js';
import {ViewFailureContext} from './view-failure.js';

// A view's handler returns true for a key it used up, which the App then leaves alone (Esc clearing marks).
export type KeyHandler = (input: string, key: Key) => boolean | void;

// One subscription to Ink's input, owned by the App, hands each key to the view on screen. Ink subscribes a
// useInput handler only after a render commits, so a view subscribing on its own misses a key typed the instant
// it appears; a handler registered here in a layout effect is in place before any key can be read.
export interface InputGate {
  // The newest registered handler gets the keys; the returned function removes this one, so a view opened inside
  // another (the journal reader in the node pane) hands the keys back when it closes.
  addViewKeys(handler: {current: KeyHandler}): () => void;
  // A view with a text prompt of its own (the log view's filter, since or save path) claims the keyboard while
  // it is open, so ':' or '[' typed there is text, not the App's command line or history.
  claimKeys(claimed: boolean): void;
}

// The registered handlers, newest last: the newest gets the keys.
export function createHandlerStack(): {
  add: (handler: {current: KeyHandler}) => () => void;
  top: () => {current: KeyHandler} | undefined;
} {
  let handlers: Array<{current: KeyHandler}> = [];
  return {
    add(handler) {
      handlers = [...handlers, handler];
      return () => {
        handlers = handlers.filter((entry) => entry !== handler);
      };
    },
    top: () => handlers.at(-1),
  };
}

// A gate for a screen without the App (node-only mode): one Ink subscription for the screen's lifetime, handing
// each key to the newest view, so a view opened inside another gets the keys typed the instant it appears.
export function useStandaloneGate(): InputGate {
  const gate = useMemo(() => {
    const stack = createHandlerStack();
    return {addViewKeys: stack.add, claimKeys: () => undefined, top: stack.top};
  }, []);
  useInput((input, key) => gate.top()?.current(input, key));
  return gate;
}

// Undefined outside the App (node-only mode, a view rendered on its own in a test): views then subscribe to
// Ink's input themselves.
export const InputGateContext = createContext<InputGate | undefined>(undefined);

// Registers the view's key handler; the newest render's handler is always the one called.
export function useViewKeys(handler: KeyHandler, isActive = true): void {
  const gate = useContext(InputGateContext);
  const latestRef = useLatest(isActive ? handler : ignore);
  const fail = useContext(ViewFailureContext);
  // A handler that throws fails its view (one line, see ViewBoundary), not kview: a key event is outside React.
  const guardedRef = useMemo(
    () => ({
      current: (input: string, key: Key) => {
        try {
          return latestRef.current(input, key);
        } catch (error) {
          if (!fail) throw error;
          fail(error);
          return undefined;
        }
      },
    }),
    [latestRef, fail],
  );
  useLayoutEffect(() => gate?.addViewKeys(guardedRef), [gate, guardedRef]);
  useInput((input, key) => guardedRef.current(input, key), {isActive: isActive && !gate});
}

// Claims the keyboard for as long as `claimed` holds (and releases it when the view goes away); a layout effect,
// so the claim holds before the next key can be read.
export function useClaimKeys(claimed: boolean): void {
  const gate = useContext(InputGateContext);
  useLayoutEffect(() => {
    if (!gate) return undefined;
    gate.claimKeys(claimed);
    return () => gate.claimKeys(false);
  }, [gate, claimed]);
}

function ignore(): void {
  // An inactive view (under an overlay) takes no keys.
}
