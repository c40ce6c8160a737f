import {Text} from '../themed-text.js';
import {NODE_SECTIONS} from '../../state/node-pane-state.js';
import type {NodeSection} from '../../state/node-pane-state.js';

const titles: Record<NodeSection, string> = {
  findings: 'Findings',
  units: 'Units',
  journal: 'Journal',
  runtime: 'Runtime',
  os: 'OS',
};

export function SectionTabs({section, counts}: {section: NodeSection; counts: Partial<Record<NodeSection, string>>}) {
  return (
    <Text wrap="truncate-end">
      {NODE_SECTIONS.map((name) => (
        <Text key={name} inverse={name === section} color={name === section ? 'cyan' : undefined}>
          {` ${titles[name]}${counts[name] ? ` ${counts[name]}` : ''} `}
        </Text>
      ))}
    </Text>
  );
}
