import {useCallback, useMemo, useRef, useState} from 'react';
import type {Dispatch, RefObject} from 'react';
import {useInput} from 'ink';
import type {Key} from 'ink';
import type {ResourceKind} from '../cluster/resource-kind.js';
import type {ActionRequest, FieldValues} from '../state/actions.js';
import type {AppAction, AppState, PromptMode} from '../state/app-state.js';
import {confirmKey, openConfirm} from '../state/confirm-state.js';
import type {ConfirmState} from '../state/confirm-state.js';
import {commandsFor} from '../state/keymap.js';
import type {Command, Scope} from '../state/keymap.js';
import {editLine} from '../state/line-editor.js';
import {createHandlerStack} from './input-gate.js';
import {useLatest} from './use-latest.js';
import type {Settings} from '../state/config/settings.js';
import type {InputGate} from './input-gate.js';

interface KeyboardOptions {
  state: AppState;
  dispatch: Dispatch<AppAction>;
  scopeRef: RefObject<{scope: Scope; selfManaged: boolean}>;
  kinds: readonly ResourceKind[];
  runAction: (request: ActionRequest, values: FieldValues) => void;
  // Stops the running action (a drain); the line to show, or undefined when nothing runs.
  cancelJob: () => string | undefined;
  exit: () => void;
  settings: Settings;
}

// The log view and the node pane run their own quit, back, filter and help; the App keeps ':' and history there.
const SHARED_WITH_SELF_MANAGED: ReadonlySet<Command> = new Set([
  'app.command',
  'history.back',
  'history.forward',
  'history.last',
]);

// The App's own keys: the global commands, the ':' and '/' prompt and the confirmation dialog.
export function useAppKeyboard({
  state,
  dispatch,
  scopeRef,
  kinds,
  runAction,
  cancelJob,
  exit,
  settings,
}: KeyboardOptions) {
  // The prompt's text lives in a ref first: keys typed ahead of a render must land in the prompt, not the view.
  const promptRef = useRef<{mode: PromptMode; text: string} | undefined>(undefined);
  const [promptText, setPromptText] = useState('');
  // The dialog's state lives in a ref first (the App is its only writer): it opens on a dispatch, and the next
  // key may come before the render.
  const confirmRef = useRef<ConfirmState | undefined>(undefined);
  const helpRef = useLatest(state.helpOpen);
  const claimedRef = useRef(false);
  const viewKeys = useMemo(() => createHandlerStack(), []);
  const gate = useMemo(
    (): InputGate => ({
      addViewKeys: viewKeys.add,
      claimKeys: (claimed) => {
        claimedRef.current = claimed;
      },
    }),
    [viewKeys],
  );
  const feedConfirm = (input: string, key: Parameters<typeof confirmKey>[2]) => {
    // A burst typed ahead ("5⏎" over a slow link) is applied one key at a time, Enter included.
    const burst = !key.ctrl && !key.return && !key.escape && input.length > 1;
    if (burst) {
      for (const character of input) {
        if (!confirmRef.current) return;
        feedConfirm(character === '\r' || character === '\n' ? '' : character, {
          return: character === '\r' || character === '\n',
        });
      }
      return;
    }
    const current = confirmRef.current;
    if (!current) return;
    const outcome = confirmKey(current, input, key);
    if ('answer' in outcome) {
      confirmRef.current = undefined;
      dispatch({type: 'confirm', request: undefined});
      if (outcome.answer) runAction(current.request, current.values);
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
      if (edit.done === 'submit') dispatch({type: 'submitPrompt', text: edit.text, kinds, aliases: settings.aliases});
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
        return dispatch({type: 'recentNamespace', index: recentIndex(settings, character)});
      case 'job.cancel':
        return dispatch({type: 'flash', message: cancelJob() ?? 'nothing is running to cancel'});
      default:
        return undefined;
    }
  };

  // The newest render's functions, read by the one input handler Ink keeps subscribed for the App's lifetime.
  const latestRef = useLatest({feedConfirm, feedPrompt, run, keys: settings.keymap});
  const handleInput = useCallback(
    (input: string, key: Key) => {
      const {feedConfirm: confirm, feedPrompt: prompt, run: runCommand, keys} = latestRef.current;
      const toView = () => viewKeys.top()?.current(input, key);
      if (claimedRef.current) return toView();
      if (confirmRef.current) return confirm(input, key);
      if (promptRef.current) return prompt(input, key);
      const plain = !key.ctrl && !key.meta && !key.escape && !key.return && input.length > 1;
      // The view sees the key before the App opens a prompt from it; views stop at ':' and '/' in a burst. A key
      // the view used up (Esc clearing its marks) is not the App's.
      if (!helpRef.current && toView() === true) return;
      // A burst of characters is replayed one by one, so ":po⏎" typed ahead opens the prompt and fills it.
      for (const character of plain ? [...input] : [input]) {
        if (promptRef.current) prompt(character, {});
        else {
          for (const command of commandsFor(character, plain ? {} : key, scopeRef.current?.scope ?? 'table', keys)) {
            runCommand(command, character);
          }
        }
      }
      // Every value it reads is a ref or the handler stack, which live as long as the App.
    },
    [latestRef, helpRef, scopeRef, viewKeys],
  );
  useInput(handleInput);

  const requestConfirm = (request: ActionRequest) => {
    confirmRef.current = openConfirm(request);
    dispatch({type: 'confirmState', state: confirmRef.current});
  };
  return {gate, promptText, requestConfirm};
}

// The n-th key of the recent-namespace binding means the n-th namespace, whichever keys the config gave it.
function recentIndex(settings: Settings, character: string): number {
  const binding = settings.keymap.find((entry) => entry.command === 'namespace.recent');
  const position = binding?.keys.findIndex((spec) => spec.input === character && !spec.ctrl) ?? -1;
  return position >= 0 ? position : Number(/[1-9]/.exec(character)?.[0] ?? '1') - 1;
}
