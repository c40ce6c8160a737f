import {Box} from 'ink';
import {Text} from './themed-text.js';
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
        indicatorComponent={ContextIndicator}
        itemComponent={ContextItem}
      />
    </Box>
  );
}

// SelectInput's own item and indicator pick their colour themselves; these go through the skin (NO_COLOR leaves
// the selection inverse).
function ContextIndicator({isSelected = false}: {isSelected?: boolean}) {
  return <Text color="blue">{isSelected ? '❯ ' : '  '}</Text>;
}

function ContextItem({isSelected = false, label}: {isSelected?: boolean; label: string}) {
  return (
    <Text color={isSelected ? 'blue' : undefined} inverse={isSelected}>
      {label}
    </Text>
  );
}
