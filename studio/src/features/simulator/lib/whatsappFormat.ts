/** WhatsApp's inline marks: *bold*, _italic_, ~strike~. */
export type FormatMark = 'bold' | 'italic' | 'strike';

export type FormatNode = string | { mark: FormatMark; children: FormatNode[] };

const MARKS: Record<string, FormatMark> = { '*': 'bold', _: 'italic', '~': 'strike' };

// A mark opens before a non-space and closes after one, as WhatsApp renders them.
const MARKED = /([*_~])(\S(?:[^\n]*?\S)?)\1/;

/**
 * Parses one line of a bot message into plain strings and marked runs, so the chat renders the
 * formatting as elements (never as HTML from the flow's text).
 */
export function parseWhatsappFormat(text: string): FormatNode[] {
  const nodes: FormatNode[] = [];
  let rest = text;
  while (rest) {
    const match = MARKED.exec(rest);
    if (!match) {
      nodes.push(rest);
      break;
    }
    if (match.index > 0) nodes.push(rest.slice(0, match.index));
    nodes.push({ mark: MARKS[match[1]!]!, children: parseWhatsappFormat(match[2]!) });
    rest = rest.slice(match.index + match[0].length);
  }
  return nodes;
}
