import React, {useEffect, useMemo, useReducer, useRef, useState} from 'react';
import {Box, Text, useApp, useInput} from 'ink';
import {BUILTIN_KINDS} from '../cluster/resource-kind.js';
import type {ResourceKind} from '../cluster/resource-kind.js';
import {appReducer, currentNamespace, initialAppState} from '../state/app-state.js';
import {commandsFor} from '../state/keymap.js';
import type {Command, Scope} from '../state/keymap.js';
import {editLine} from '../state/line-editor.js';
import {confirmKey, DRAIN_TOGGLES, openConfirm} from '../state/confirm-state.js';
import type {ConfirmState} from '../state/confirm-state.js';
import type {PromptMode} from '../state/app-state.js';
import {currentView, describeTarget, kubectlEquivalent} from '../state/navigation.js';
import type {ViewTarget} from '../state/navigation.js';
import {ConfirmDialog} from './ConfirmDialog.js';
import {Header} from './Header.js';
import {HelpOverlay} from './HelpOverlay.js';
import {HintBar} from './HintBar.js';
import {InputGateContext} from './input-gate.js';
import {Prompt} from './Prompt.js';
import {ViewSwitch} from './ViewSwitch.js';
import {useActionRunner} from './use-action-runner.js';
import {useTerminalSize} from './use-terminal-size.js';
import type {World} from './world.js';

// Lines taken by the header (1), the prompt or flash line (1) and the hint bar (1).
const CHROME_LINES = 3;

export function App({world: initialWorld, wide = false, first}: {world: World; wide?: boolean; first?: ViewTarget}) {
  const {exit} = useApp();
  const {columns, rows: terminalRows} = useTerminalSize();
  // One line short of the terminal: Ink clears and redraws the whole screen for output as tall as the terminal,
  // and only rewrites the changed lines for shorter output (a one-row move costs bytes, not a screen).
  const rows = Math.max(4, terminalRows - 1);
  const [world, setWorld] = useState(initialWorld);
  const [state, dispatch] = useReducer(appReducer, first ?? defaultTarget(initialWorld), initialAppState);
  const [kinds, setKinds] = useState<readonly ResourceKind[]>(BUILTIN_KINDS);
  const runAction = useActionRunner(world, (message) => dispatch({type: 'flash', message}));
  const view = currentView(state.navigation);
  const scope: Scope = view.type === 'describe' || view.type === 'yaml' ? 'text' : view.type === 'logs' ? 'logs'
    : view.type === 'node' ? 'node' : 'table';
  // The log view and the node pane run their own quit, back, filter and hint bar; the App keeps ':' and history.
  const selfManaged = scope === 'logs' || scope === 'node';
  // Read by the input handler, which may run before Ink re-subscribes the newest render's closure.
  const scopeRef = useRef({scope, selfManaged});
  scopeRef.current = {scope, selfManaged};
  const overlayOpen = state.prompt !== undefined || state.confirm !== undefined || state.helpOpen;

  useEffect(() => {
    let cancelled = false;
    void world.cluster.kinds().then((found) => !cancelled && setKinds(found.length > 0 ? found : BUILTIN_KINDS));
    return () => {
      cancelled = true;
    };
  }, [world]);
  useEffect(() => {
    if (state.quitting) exit();
  }, [state.quitting, exit]);

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
  const gate = useMemo(() => ({viewsBlocked: () => consumedRef.current || helpRef.current
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
    const {scope, selfManaged} = scopeRef.current;
    if (selfManaged && !SHARED_WITH_SELF_MANAGED.has(command) && !(scope === 'logs' && command === 'app.toggleHelp')) {
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
      else for (const command of commandsFor(character, plain ? {} : key, scopeRef.current.scope)) run(command, character);
    }
  });

  // The confirmation dialog takes its lines from the view rather than drawing over it.
  const dialogLines = state.confirm ? (state.confirm.request.verb === 'drain' ? 4 + DRAIN_TOGGLES.length : 4) : 0;
  const bodyHeight = Math.max(3, rows - CHROME_LINES - dialogLines);
  return (
    <InputGateContext.Provider value={gate}>
    <Box flexDirection="column" width={columns} height={rows}>
      <Header identity={world.identity} namespace={currentNamespace(state)} recentNamespaces={state.recentNamespaces}
        readonly={world.readonly} location={describeTarget(view)}
        kubectl={view.type === 'logs' ? kubectlEquivalent(view, false) : undefined} />
      {state.helpOpen ? <HelpOverlay height={bodyHeight} width={columns} scope={scope} /> : null}
      {/* Hidden rather than unmounted under the help, so its watch and cursor survive. Clipping costs Ink a
          slice of every line, so only the views that do not size themselves to the line are clipped. */}
      <Box display={state.helpOpen ? 'none' : 'flex'} flexDirection="column" height={bodyHeight}
        overflow={selfManaged ? 'hidden' : 'visible'}>
        <ViewSwitch key={`${state.navigation.index}:${world.identity.contextName}`} world={world} target={view}
          width={columns} height={bodyHeight} active={!overlayOpen} initialWide={wide}
          onNavigate={(target) => dispatch({type: 'navigate', target})}
          onAction={(request) => {
            confirmRef.current = openConfirm(request);
            dispatch({type: 'confirmState', state: confirmRef.current});
          }}
          onFlash={(message) => dispatch({type: 'flash', message})}
          onBack={() => dispatch({type: 'back'})}
          onSwitchContext={(context) => {
            if (!world.switchContext) return dispatch({type: 'flash', message: 'switching context is not available'});
            const next = world.switchContext(context);
            setWorld(next);
            dispatch({type: 'navigate', target: defaultTarget(next)});
          }} />
      </Box>
      {state.confirm ? <ConfirmDialog state={state.confirm} /> : null}
      {state.prompt ? (
        <Prompt mode={state.prompt} text={promptText}
          suggestions={kinds.flatMap((kind) => [kind.plural, ...kind.shortNames])} />
      ) : <Text color="yellow" wrap="truncate-end">{state.flash ?? ' '}</Text>}
      {/* A constant height keeps Ink's line-by-line updates aligned with the screen. */}
      {selfManaged ? <Text> </Text> : <HintBar width={columns} scope={scope} />}
    </Box>
    </InputGateContext.Provider>
  );
}

const SHARED_WITH_SELF_MANAGED: ReadonlySet<Command> = new Set(['app.command', 'history.back', 'history.forward',
  'history.last']);

function defaultTarget(world: World): ViewTarget {
  return {type: 'table', kind: BUILTIN_KINDS[0]!, namespace: world.namespace};
}
