import {Box, Text} from 'ink';
import SelectInput from 'ink-select-input';

interface ContextsViewProps {
  contexts: readonly string[];
  current: string;
  active: boolean;
  onPick: (context: string) => void;
}

// The kubeconfig's contexts; picking one reconnects kview to it (k9s's :ctx).
export function ContextsView({contexts, current, active, onPick}: ContextsViewProps) {
  const items = contexts.map((name) => ({
    key: name,
    label: name === current ? `${name} (current)` : name,
    value: name,
  }));
  return (
    <Box flexDirection="column">
      <Text color="green">contexts $ kubectl config get-contexts</Text>
      <SelectInput
        items={items}
        isFocused={active}
        initialIndex={Math.max(0, contexts.indexOf(current))}
        onSelect={(item) => onPick(item.value)}
      />
    </Box>
  );
}
