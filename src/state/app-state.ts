import type {ActionRequest} from './action-types.js';
import {openConfirm} from './confirm-state.js';
import type {ConfirmState} from './confirm-state.js';
import {currentView, goBack, goForward, goLast, pushView, replaceView, startNavigation} from './navigation.js';
import type {Navigation, ViewTarget} from './navigation.js';
import {expandAlias, parseCommandLine} from './command-line.js';
import {POD_KIND} from '../cluster/resource-kind.js';
import type {ResourceKind} from '../cluster/resource-kind.js';

export type PromptMode = 'command' | 'filter';

export interface AppState {
  navigation: Navigation;
  helpOpen: boolean;
  prompt?: PromptMode;
  confirm?: ConfirmState;
  flash?: string;
  // Most recent first; the 1-9 keys jump to them, as k9s's favourite namespaces.
  recentNamespaces: readonly string[];
  // How many of them are the context's favourites from the config file, which keep their digits all session.
  pinnedNamespaces?: number;
  quitting: boolean;
}

export type AppAction =
  | {type: 'navigate'; target: ViewTarget}
  | {type: 'back'}
  | {type: 'forward'}
  | {type: 'last'}
  | {type: 'toggleHelp'}
  | {type: 'prompt'; mode: PromptMode | undefined}
  | {type: 'submitPrompt'; text: string; kinds: readonly ResourceKind[]; aliases?: Readonly<Record<string, string>>}
  | {type: 'namespace'; namespace: string | undefined}
  | {type: 'recentNamespace'; index: number}
  // Another context: its own favourites on 1-9; the namespaces of the last one may not exist there.
  | {type: 'favourites'; namespaces: readonly string[]}
  // The context's view from the config file, in place of the one kview opened on (not a step in the history).
  | {type: 'startView'; text: string; kinds: readonly ResourceKind[]; aliases?: Readonly<Record<string, string>>}
  | {type: 'confirm'; request: ActionRequest | undefined}
  | {type: 'confirmState'; state: ConfirmState}
  | {type: 'flash'; message: string | undefined};

export function initialAppState(first: ViewTarget, favourites: readonly string[] = []): AppState {
  const namespace = first.type === 'table' ? first.namespace : undefined;
  return {
    navigation: startNavigation(first),
    helpOpen: false,
    recentNamespaces: [...new Set([...favourites, ...(namespace ? [namespace] : [])])].slice(0, 9),
    pinnedNamespaces: Math.min(9, favourites.length),
    quitting: false,
  };
}

export function appReducer(state: AppState, action: AppAction): AppState {
  switch (action.type) {
    case 'navigate':
      return rememberNamespace(
        {...state, navigation: pushView(state.navigation, action.target), flash: undefined},
        action.target,
      );
    case 'back': {
      if (state.helpOpen) return {...state, helpOpen: false};
      const current = currentView(state.navigation);
      // Esc first clears a filter, then leaves the view, as in k9s.
      if (current.type === 'table' && (current.filter || current.labelSelector) && !current.caption) {
        return {
          ...state,
          navigation: replaceView(state.navigation, {...current, filter: undefined, labelSelector: undefined}),
        };
      }
      return {...state, navigation: goBack(state.navigation)};
    }
    case 'forward':
      return {...state, navigation: goForward(state.navigation)};
    case 'last':
      return {...state, navigation: goLast(state.navigation)};
    case 'toggleHelp':
      return {...state, helpOpen: !state.helpOpen};
    case 'prompt':
      return {...state, prompt: action.mode, flash: undefined};
    case 'submitPrompt':
      return submitPrompt(
        {...state, prompt: undefined},
        state.prompt,
        expandAlias(action.text, action.aliases ?? {}),
        action.kinds,
      );
    case 'namespace':
      return switchNamespace(state, action.namespace);
    case 'recentNamespace': {
      const namespace = state.recentNamespaces[action.index];
      return namespace
        ? switchNamespace(state, namespace)
        : {...state, flash: `no recent namespace ${action.index + 1}`};
    }
    case 'favourites':
      return {
        ...state,
        recentNamespaces: action.namespaces.slice(0, 9),
        pinnedNamespaces: Math.min(9, action.namespaces.length),
      };
    case 'startView': {
      const opened = submitPrompt(state, 'command', expandAlias(action.text, action.aliases ?? {}), action.kinds);
      if (opened.quitting || opened.navigation === state.navigation) {
        return {...state, flash: `start view "${action.text}": ${opened.flash ?? 'not a view'}`};
      }
      const target = currentView(opened.navigation);
      return rememberNamespace({...state, navigation: replaceView(state.navigation, target)}, target);
    }
    case 'confirm':
      return {...state, confirm: action.request ? openConfirm(action.request) : undefined};
    case 'confirmState':
      return {...state, confirm: action.state};
    case 'flash':
      return {...state, flash: action.message};
  }
}

function submitPrompt(
  state: AppState,
  mode: PromptMode | undefined,
  text: string,
  kinds: readonly ResourceKind[],
): AppState {
  const current = currentView(state.navigation);
  if (mode === 'filter') {
    // In describe and YAML, / searches: matches are highlighted and n/N walk them.
    if (current.type === 'describe' || current.type === 'yaml') {
      return {...state, navigation: replaceView(state.navigation, {...current, search: text.trim() || undefined})};
    }
    if (current.type !== 'table') return state;
    const trimmed = text.trim();
    if (trimmed.startsWith('-l')) {
      const selector = trimmed.slice(2).trim();
      return {...state, navigation: replaceView(state.navigation, {...current, labelSelector: selector || undefined})};
    }
    const inverse = trimmed.startsWith('!');
    const pattern = inverse ? trimmed.slice(1) : trimmed;
    return {
      ...state,
      navigation: replaceView(state.navigation, {...current, filter: pattern ? {pattern, inverse} : undefined}),
    };
  }
  const parsed = parseCommandLine(text, kinds);
  switch (parsed.type) {
    case 'quit':
      return {...state, quitting: true};
    case 'error':
      return {...state, flash: parsed.message};
    case 'contexts':
      return appReducer(state, {type: 'navigate', target: {type: 'contexts'}});
    case 'forwards':
      return appReducer(state, {type: 'navigate', target: {type: 'forwards'}});
    case 'control-plane':
      return appReducer(state, {type: 'navigate', target: controlPlaneTarget()});
    case 'node':
      return appReducer(state, {
        type: 'navigate',
        target: parsed.node ? {type: 'node', node: parsed.node} : {type: 'node'},
      });
    case 'resource': {
      const namespace = parsed.allNamespaces ? undefined : (parsed.namespace ?? currentNamespace(state));
      return appReducer(state, {
        type: 'navigate',
        target: {
          type: 'table',
          kind: parsed.kind,
          namespace: parsed.kind.namespaced ? namespace : undefined,
          labelSelector: parsed.labelSelector,
        },
      });
    }
  }
}

// 0 and 1-9 change the namespace of the view on screen (or of the last namespaced view).
function switchNamespace(state: AppState, namespace: string | undefined): AppState {
  const current = currentView(state.navigation);
  if (current.type !== 'table' || !current.kind.namespaced) {
    return {...state, flash: 'this view has no namespace'};
  }
  const target = {...current, namespace, caption: undefined, fieldSelector: undefined};
  return rememberNamespace({...state, navigation: replaceView(state.navigation, target)}, target);
}

// Namespaces keep the digit they were first given, so 2 stays kube-system all session.
function rememberNamespace(state: AppState, target: ViewTarget): AppState {
  if (target.type !== 'table' || target.namespace === undefined) return state;
  if (state.recentNamespaces.includes(target.namespace)) return state;
  const pinned = state.recentNamespaces.slice(0, state.pinnedNamespaces ?? 0);
  if (pinned.length >= 9) return state;
  const recent = [...state.recentNamespaces.slice(pinned.length), target.namespace];
  return {...state, recentNamespaces: [...pinned, ...recent.slice(-(9 - pinned.length))]};
}

// kube-system's control-plane and node-level pods (kubeadm's static pods, kube-proxy, DNS), as an operator
// checks them first when the cluster misbehaves.
export function controlPlaneTarget(): ViewTarget {
  return {
    type: 'table',
    kind: POD_KIND,
    namespace: 'kube-system',
    caption: 'control plane (kube-system)',
    filter: {pattern: CONTROL_PLANE_PATTERN, inverse: false},
  };
}

export const CONTROL_PLANE_PATTERN =
  '^(etcd|kube-apiserver|kube-controller-manager|kube-scheduler|kube-proxy|coredns|kube-dns)-';

export function currentNamespace(state: AppState): string | undefined {
  for (let index = state.navigation.index; index >= 0; index--) {
    const entry = state.navigation.entries[index];
    if (entry?.type === 'table' && entry.kind.namespaced) return entry.namespace;
  }
  return state.recentNamespaces[0];
}
