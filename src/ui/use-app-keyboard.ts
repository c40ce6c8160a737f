import {useMemo, useRef, useState} from 'react';
import type {Dispatch, RefObject} from 'react';
import {useInput} from 'ink';
import type {ResourceKind} from '../cluster/resource-kind.js';
import type {DrainOptions} from '../cluster/object-actions.js';
import type {ActionRequest} from '../state/action-request.js';
import type {AppAction, AppState, PromptMode} from '../state/app-state.js';
import {confirmKey, openConfirm} from '../state/confirm-state.js';
import type {ConfirmState} from '../state/confirm-state.js';
import {commandsFor} from '../state/keymap.js';
import type {Command, Scope} from '../state/keymap.js';
import {editLine} from '../state/line-editor.js';
import type {InputGate} from './input-gate.js';

interface KeyboardOptions {
  state: AppState;
  dispatch: Dispatch<AppAction>;
  scopeRef: RefObject<{scope: Scope; selfManaged: boolean}>;
  kinds: readonly ResourceKind[];
  runAction(request: ActionRequest, drainOptions: DrainOptions): void;
  exit(): void;
}

// The log view and the node pane run their own quit, back, filter and help; the App keeps ':' and history there.
const SHARED_WITH_SELF_MANAGED: ReadonlySet<Command> = new Set(['app.command', 'history.back', 'history.forward',
  'history.last']);

// The App's own keys: the global commands, the ':' and '/' prompt and the confirmation dialog.
export function useAppKeyboard({state, dispatch, scopeRef, kinds, runAction, exit}: KeyboardOptions) {
  // The prompt's text lives in a ref first: keys typed ahead of a render must land in the prompt, not the view.
  const promptRef = useRef<{mode: PromptMode; text: string} | undefined>(undefined);
  const [promptText, setPromptText] = useState('');
  // The dialog's state lives in a ref first (the App is its only writer): it opens on a dispatch, and the next
  // key may come before the render.
  const confirmRef = useRef<ConfirmState | undefined>(undefined);
  // A key the App took for the prompt or the dialog (the Enter that closes them included) is not the views' to
  // act on; Ink calls every handler for the same key, in no order kview can rely on.
  const consumedRef = useRef(false);
  const consume = () => {
    consumedRef.current = true;
    queueMicrotask(() => {
      consumedRef.current = false;
    });
  };
  const helpRef = useRef(false);
  helpRef.current = state.helpOpen;
  const gate = useMemo((): InputGate => ({viewsBlocked: () => consumedRef.current || helpRef.current
    || promptRef.current !== undefined || confirmRef.current !== undefined}), []);
  const feedConfirm = (input: string, key: Parameters<typeof confirmKey>[2]) => {
    const current = confirmRef.current;
    if (!current) return;
    const outcome = confirmKey(current, input, key);
    if ('answer' in outcome) {
      confirmRef.current = undefined;
      dispatch({type: 'confirm', request: undefined});
      if (outcome.answer) runAction(current.request, current.drain);
      return;
    }
    confirmRef.current = outcome.state;
    dispatch({type: 'confirmState', state: outcome.state});
  };

  const openPrompt = (mode: PromptMode) => {
    promptRef.current = {mode, text: ''};
    setPromptText('');
    dispatch({type: 'prompt', mode});
  };
  const feedPrompt = (input: string, key: Parameters<typeof editLine>[2]) => {
    const prompt = promptRef.current;
    if (!prompt) return;
    const edit = editLine(prompt.text, input, key);
    if (edit.done) {
      promptRef.current = undefined;
      if (edit.done === 'submit') dispatch({type: 'submitPrompt', text: edit.text, kinds});
      else dispatch({type: 'prompt', mode: undefined});
      return;
    }
    promptRef.current = {...prompt, text: edit.text};
    setPromptText(edit.text);
  };
  const run = (command: Command, character: string) => {
    if (scopeRef.current?.selfManaged && !SHARED_WITH_SELF_MANAGED.has(command)) {
      return undefined;
    }
    switch (command) {
      case 'app.quit':
        return exit();
      case 'app.toggleHelp':
        return dispatch({type: 'toggleHelp'});
      case 'app.back':
      case 'history.back':
        return dispatch({type: 'back'});
      case 'app.command':
        return openPrompt('command');
      case 'app.filter':
        return openPrompt('filter');
      case 'history.forward':
        return dispatch({type: 'forward'});
      case 'history.last':
        return dispatch({type: 'last'});
      case 'namespace.all':
        return dispatch({type: 'namespace', namespace: undefined});
      case 'namespace.recent':
        return dispatch({type: 'recentNamespace', index: Number(/[1-9]/.exec(character)?.[0] ?? '1') - 1});
      default:
        return undefined;
    }
  };

  useInput((input, key) => {
    if (confirmRef.current) {
      consume();
      return feedConfirm(input, key);
    }
    if (promptRef.current) {
      consume();
      return feedPrompt(input, key);
    }
    const plain = !key.ctrl && !key.meta && !key.escape && !key.return && input.length > 1;
    // A burst of characters is replayed one by one, so ":po⏎" typed ahead opens the prompt and fills it.
    for (const character of plain ? [...input] : [input]) {
      if (promptRef.current) feedPrompt(character, {});
      else for (const command of commandsFor(character, plain ? {} : key, scopeRef.current?.scope ?? 'table')) run(command, character);
    }
  });

  const requestConfirm = (request: ActionRequest) => {
    confirmRef.current = openConfirm(request);
    dispatch({type: 'confirmState', state: confirmRef.current});
  };
  return {gate, promptText, requestConfirm};
}


