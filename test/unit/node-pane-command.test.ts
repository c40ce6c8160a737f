import {test} from 'node:test';
import assert from 'node:assert/strict';
import {BUILTIN_KINDS, POD_KIND} from '../../src/cluster/resource-kind.js';
import {appReducer, initialAppState} from '../../src/state/app-state.js';
import {parseCommandLine} from '../../src/state/command-line.js';
import {currentView} from '../../src/state/navigation.js';

test(':node-pane NAME opens that node (remotely when kview runs elsewhere) without listing nodes first', () => {
  assert.deepEqual(parseCommandLine('node-pane systemd-node', BUILTIN_KINDS), {type: 'node', node: 'systemd-node'});
  assert.deepEqual(parseCommandLine('host', BUILTIN_KINDS), {type: 'node'});
  const start = initialAppState({type: 'table', kind: POD_KIND, namespace: 'default'});
  const prompted = appReducer(start, {type: 'prompt', mode: 'command'});
  const opened = appReducer(prompted, {type: 'submitPrompt', text: 'node-pane systemd-node', kinds: BUILTIN_KINDS});
  assert.deepEqual(currentView(opened.navigation), {type: 'node', node: 'systemd-node'});
});
