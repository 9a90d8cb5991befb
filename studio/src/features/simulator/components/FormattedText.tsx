import { Fragment } from 'react';
import type { ReactNode } from 'react';
import { parseWhatsappFormat } from '../lib/whatsappFormat';
import type { FormatNode } from '../lib/whatsappFormat';

const TAGS = { bold: 'strong', italic: 'em', strike: 's' } as const;

function renderNodes(nodes: FormatNode[]): ReactNode {
  return nodes.map((node, index) => {
    if (typeof node === 'string') return <Fragment key={index}>{node}</Fragment>;
    const Tag = TAGS[node.mark];
    return <Tag key={index}>{renderNodes(node.children)}</Tag>;
  });
}

/** A message text as WhatsApp shows it: line breaks kept, *bold* _italic_ ~strike~ as elements. */
export function FormattedText({ text }: { text: string }) {
  const lines = text.split('\n');
  return (
    <span className="sim-text">
      {lines.map((line, index) => (
        <Fragment key={index}>
          {index > 0 && <br />}
          {renderNodes(parseWhatsappFormat(line))}
        </Fragment>
      ))}
    </span>
  );
}
