import {useEffect, useMemo, useReducer, useRef, useState} from 'react';
import {Box, useApp} from 'ink';
import {Text} from './themed-text.js';
import {sanitizeCell} from '../resources/sanitize-text.js';
import {BUILTIN_KINDS} from '../cluster/resource-kind.js';
import {errorLine} from '../resources/error-line.js';
import type {ResourceKind} from '../cluster/resource-kind.js';
import {appReducer, currentNamespace, initialAppState} from '../state/app-state.js';
import type {Scope} from '../state/keymap.js';
import {confirmLines} from '../state/confirm-state.js';
import {MUTATING_COMMANDS} from '../state/actions.js';
import {kindId} from '../state/kind-profile.js';
import {currentView, describeTarget, kubectlEquivalent} from '../state/navigation.js';
import type {ViewTarget} from '../state/navigation.js';
import {ConfirmDialog} from './ConfirmDialog.js';
import {Header} from './Header.js';
import {HelpOverlay} from './HelpOverlay.js';
import {HintBar} from './HintBar.js';
import {InputGateContext} from './input-gate.js';
import {SettingsContext, useSettings} from './settings-context.js';
import {DEFAULT_SETTINGS} from '../state/config/settings.js';
import type {Settings} from '../state/config/settings.js';
import {contextSettings, problemsLine} from '../state/config/context-settings.js';
import {Prompt} from './Prompt.js';
import {ViewBoundary} from './ViewBoundary.js';
import {ViewSwitch} from './ViewSwitch.js';
import {useActionRunner} from './use-action-runner.js';
import {ForwardPrompt} from './ForwardPrompt.js';
import {usePortForward} from './use-port-forward.js';
import {ClipboardContext} from './use-clipboard.js';
import {clipboardTerminalFromEnvironment} from '../resources/osc52.js';
import type {RunningJob} from './use-action-runner.js';
import {useAppKeyboard} from './use-app-keyboard.js';
import {useLatest} from './use-latest.js';
import {useTerminalSize} from './use-terminal-size.js';
import type {World} from './world.js';

// Lines taken by the header (1), the prompt or flash line (1) and the hint bar (1).
const CHROME_LINES = 3;

interface AppProps {
  world: World;
  wide?: boolean;
  first?: ViewTarget;
}

// The config file's settings (the same for every context of the session) for every view below.
export function App(props: AppProps) {
  return (
    <SettingsContext.Provider value={props.world.settings ?? DEFAULT_SETTINGS}>
      <ClipboardContext.Provider value={props.world.clipboard ?? clipboardTerminalFromEnvironment(process.env)}>
        <AppBody {...props} />
      </ClipboardContext.Provider>
    </SettingsContext.Provider>
  );
}

function AppBody({world: initialWorld, wide = false, first}: AppProps) {
  const {exit} = useApp();
  const {columns, rows: terminalRows} = useTerminalSize();
  // One line short of the terminal: Ink clears and redraws the whole screen for output as tall as the terminal,
  // and only rewrites the changed lines for shorter output (a one-row move costs bytes, not a screen).
  const rows = Math.max(4, terminalRows - 1);
  const [rawWorld, setWorld] = useState(initialWorld);
  const settings = useSettings();
  // The context's settings from the config file: read-only there whatever the flag says.
  const world = useMemo(() => withContextSettings(rawWorld, settings), [rawWorld, settings]);
  const [state, dispatch] = useReducer(appReducer, undefined, () => ({
    ...initialAppState(first ?? defaultTarget(world), contextSettings(settings, world.identity.contextName).favourites),
    flash: problemsLine(initialWorld.configProblems ?? []),
  }));
  // The context's start view waits for discovery unless it is a built-in kind; a view named on the command line
  // (first) wins.
  const startViewRef = useRef(first ? undefined : contextSettings(settings, world.identity.contextName).view);
  const [kinds, setKinds] = useState<readonly ResourceKind[]>(BUILTIN_KINDS);
  const runner = useActionRunner(world, (message) => dispatch({type: 'flash', message}));
  const portForward = usePortForward(world, (message) => dispatch({type: 'flash', message}));
  const view = currentView(state.navigation);
  const scope: Scope =
    view.type === 'describe' || view.type === 'yaml'
      ? 'text'
      : view.type === 'logs'
        ? 'logs'
        : view.type === 'node'
          ? 'node'
          : 'table';
  // The log view and the node pane run their own quit, back, filter and hint bar; the App keeps ':' and history.
  const selfManaged = scope === 'logs' || scope === 'node';
  // Read by the input handler, which may run before Ink re-subscribes the newest render's closure.
  const scopeRef = useLatest({scope, selfManaged});
  const overlayOpen =
    state.prompt !== undefined || state.confirm !== undefined || state.helpOpen || portForward.ask !== undefined;

  useEffect(() => {
    let cancelled = false;
    world.cluster.kinds().then(
      (found) => {
        if (cancelled) return;
        const known = found.length > 0 ? found : BUILTIN_KINDS;
        setKinds(known);
        const view = startViewRef.current;
        startViewRef.current = undefined;
        if (view) dispatch({type: 'startView', text: view, kinds: known, aliases: settings.aliases});
      },
      (error: unknown) => {
        if (cancelled) return;
        // The built-in kinds still work; the other kinds cannot be named until discovery answers.
        setKinds(BUILTIN_KINDS);
        dispatch({type: 'flash', message: `resource kinds: ${errorLine(error)} (only the built-in kinds are known)`});
        const view = startViewRef.current;
        startViewRef.current = undefined;
        if (view) dispatch({type: 'startView', text: view, kinds: BUILTIN_KINDS, aliases: settings.aliases});
      },
    );
    return () => {
      cancelled = true;
    };
  }, [world, settings.aliases]);
  useEffect(() => {
    if (state.quitting) exit();
  }, [state.quitting, exit]);

  const keyboard = useAppKeyboard({
    state,
    dispatch,
    scopeRef,
    kinds,
    runAction: runner.run,
    cancelJob: runner.cancel,
    exit,
    settings,
  });

  // The confirmation dialog and a running action's progress take their lines from the view rather than drawing
  // over it.
  const dialogLines = state.confirm ? confirmLines(state.confirm) : 0;
  const jobLines = runner.job ? Math.min(JOB_LINES, runner.job.lines.length) + 1 : 0;
  // The log view and the node pane draw their own message line and hint bar: they get those rows too, less the
  // App's prompt or flash line while one is shown (a 80x24 log view left three rows empty under its hint bar).
  const ownLines = selfManaged ? (state.prompt || state.flash ? 2 : 1) : CHROME_LINES;
  const bodyHeight = Math.max(3, rows - ownLines - dialogLines - jobLines);
  // The row kind the keys act on: help and the hint bar show what a shared key (r) does here.
  const rowKind = view.type === 'table' ? kindId(view.kind) : undefined;
  // --readonly takes every action that changes the cluster out of the help and the hint bar; its key only says
  // why it is not offered.
  const keyed = useMemo(
    () =>
      world.readonly
        ? {...settings, keymap: settings.keymap.filter((binding) => !MUTATING_COMMANDS.has(binding.command))}
        : settings,
    [world.readonly, settings],
  );
  return (
    <InputGateContext.Provider value={keyboard.gate}>
      <Box flexDirection="column" width={columns} height={rows}>
        <Header
          identity={world.identity}
          namespace={currentNamespace(state)}
          recentNamespaces={state.recentNamespaces}
          readonly={world.readonly}
          location={describeTarget(view)}
          kubectl={view.type === 'logs' ? kubectlEquivalent(view, false) : undefined}
        />
        {state.helpOpen ? (
          <SettingsContext.Provider value={keyed}>
            <HelpOverlay height={bodyHeight} width={columns} scope={scope} kind={rowKind} />
          </SettingsContext.Provider>
        ) : null}
        {/* Hidden rather than unmounted under the help, so its watch and cursor survive. Clipping costs Ink a
          slice of every line, so only the views that do not size themselves to the line are clipped. */}
        <Box
          display={state.helpOpen ? 'none' : 'flex'}
          flexDirection="column"
          height={bodyHeight}
          overflow={selfManaged ? 'hidden' : 'visible'}
        >
          {/* Esc and q of a failed view: the App's own where it runs them, the boundary's where the view did. */}
          <ViewBoundary
            key={`${state.navigation.index}:${world.identity.contextName}`}
            onBack={selfManaged ? () => dispatch({type: 'back'}) : undefined}
            onQuit={selfManaged ? exit : undefined}
          >
            <ViewSwitch
              world={world}
              target={view}
              width={columns}
              height={bodyHeight}
              active={!overlayOpen}
              initialWide={wide}
              onNavigate={(target) => dispatch({type: 'navigate', target})}
              onAction={keyboard.requestConfirm}
              onPortForward={portForward.request}
              onFlash={(message) => dispatch({type: 'flash', message})}
              onBack={() => dispatch({type: 'back'})}
              onSwitchContext={(context) => {
                if (!world.switchContext)
                  return dispatch({type: 'flash', message: 'switching context is not available'});
                let next: World;
                try {
                  next = world.switchContext(context);
                } catch (error) {
                  // A context whose kubeconfig entry is unusable: say so, and stay on the one that works.
                  return dispatch({type: 'flash', message: `cannot switch to ${context}: ${errorLine(error)}`});
                }
                setWorld(next);
                const nextSettings = contextSettings(settings, next.identity.contextName);
                dispatch({type: 'favourites', namespaces: nextSettings.favourites ?? []});
                dispatch({type: 'navigate', target: defaultTarget(next)});
                startViewRef.current = nextSettings.view;
              }}
            />
          </ViewBoundary>
        </Box>
        {runner.job ? <JobPanel job={runner.job} width={columns} /> : null}
        {state.confirm ? <ConfirmDialog state={state.confirm} width={columns} /> : null}
        {portForward.ask ? (
          <ForwardPrompt
            plan={portForward.ask.plan}
            defaults={portForward.ask.defaults}
            onSubmit={portForward.submit}
            onCancel={portForward.cancel}
          />
        ) : selfManaged && !state.prompt && !state.flash ? null : state.prompt ? (
          <Prompt
            mode={state.prompt}
            text={keyboard.promptText}
            suggestions={kinds.flatMap((kind) => [kind.plural, ...kind.shortNames])}
          />
        ) : (
          <Text color="yellow" wrap="truncate-end">
            {/* Flash lines quote servers and kubeconfig files; they are made inert here, where they are drawn. */}
            {sanitizeCell(state.flash ?? ' ')}
          </Text>
        )}
        {selfManaged ? null : (
          <SettingsContext.Provider value={keyed}>
            <HintBar width={columns} scope={scope} kind={rowKind} />
          </SettingsContext.Provider>
        )}
      </Box>
    </InputGateContext.Provider>
  );
}

// At most this many progress lines of a running action (a drain's pods) are shown; the first says how many.
const JOB_LINES = 6;

function JobPanel({job, width}: {job: RunningJob; width: number}) {
  const shown = job.lines.slice(0, JOB_LINES);
  const more = job.lines.length - shown.length;
  return (
    <Box flexDirection="column" width={width}>
      {shown.map((line, index) => (
        <Text key={index} wrap="truncate-end" color={index === 0 ? 'cyan' : undefined}>
          {sanitizeCell(index === 0 ? `${line}${more > 0 ? ` (${more} more not shown)` : ''}` : line)}
        </Text>
      ))}
      <Text dimColor>{`X cancels the ${job.verb}`}</Text>
    </Box>
  );
}

function withContextSettings(world: World, settings: Settings): World {
  if (world.readonly || contextSettings(settings, world.identity.contextName).readonly !== true) return world;
  return {
    ...world,
    readonly: true,
    debugPods: undefined,
    readonlyReason: `the config makes context ${world.identity.contextName} read-only`,
  };
}

function defaultTarget(world: World): ViewTarget {
  return {type: 'table', kind: BUILTIN_KINDS[0]!, namespace: world.namespace};
}
