import React, {useState} from 'react';
import {Box, Text, useInput} from 'ink';
import type {ActionRequest} from '../state/action-request.js';
import type {DrainOptions} from '../cluster/object-actions.js';

interface ConfirmDialogProps {
  request: ActionRequest;
  onAnswer(confirmed: boolean, drainOptions: DrainOptions): void;
}

const DRAIN_TOGGLES: Array<{key: keyof Omit<DrainOptions, 'gracePeriodSeconds'>; label: string; hotkey: string}> = [
  {key: 'ignoreDaemonSets', label: '--ignore-daemonsets', hotkey: 'i'},
  {key: 'deleteEmptyDirData', label: '--delete-emptydir-data', hotkey: 'e'},
  {key: 'force', label: '--force (pods without a controller)', hotkey: 'f'},
];

// Destructive actions ask first, with Cancel focused: Enter alone never deletes anything.
export function ConfirmDialog({request, onAnswer}: ConfirmDialogProps) {
  const [confirmFocused, setConfirmFocused] = useState(false);
  const [drain, setDrain] = useState<DrainOptions>({ignoreDaemonSets: true, deleteEmptyDirData: false, force: false});
  useInput((input, key) => {
    if (key.escape) return onAnswer(false, drain);
    if (key.leftArrow || key.rightArrow || key.tab) return setConfirmFocused((focused) => !focused);
    if (key.return) return onAnswer(confirmFocused, drain);
    const toggle = request.verb === 'drain' ? DRAIN_TOGGLES.find((entry) => entry.hotkey === input) : undefined;
    if (toggle) setDrain((options) => ({...options, [toggle.key]: !options[toggle.key]}));
  });
  const what = `${request.kind.singular} ${request.namespace ? `${request.namespace}/` : ''}${request.name}`;
  return (
    <Box flexDirection="column" borderStyle="round" borderColor="red" paddingX={1}>
      <Text bold>{`${request.verb} ${what}?`}</Text>
      {request.verb === 'drain' ? DRAIN_TOGGLES.map((toggle) => (
        <Text key={toggle.key}>{`[${drain[toggle.key] ? 'x' : ' '}] ${toggle.hotkey}: ${toggle.label}`}</Text>
      )) : null}
      <Box>
        <Text inverse={!confirmFocused}>{' Cancel '}</Text>
        <Text>{'   '}</Text>
        <Text inverse={confirmFocused} color="red">{` ${request.verb} `}</Text>
        <Text dimColor>{'   ←/→ choose · Enter · Esc cancels'}</Text>
      </Box>
    </Box>
  );
}
