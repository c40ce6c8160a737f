// Text from the cluster (names, messages, log lines) is untrusted: an escape sequence in it could move the cursor,
// clear the screen, set the window title or write the clipboard. Sequences are removed whole; any other control
// character becomes a visible replacement so the text keeps its length and nothing is silently hidden.
const ESCAPE_SEQUENCE =
  // OSC/DCS/SOS/PM/APC strings up to BEL or ST, CSI sequences, and two-byte ESC sequences (7-bit and 8-bit forms).
  /(?:\u001b[\]PX^_]|[\u0090\u0098\u009d\u009e\u009f])[\s\S]*?(?:\u0007|\u001b\\|\u009c|$)|(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]?|\u001b[ -/]*[0-~]?/g;
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

export function sanitizeText(text: string): string {
  if (!needsSanitizing(text)) return text;
  return text.replace(ESCAPE_SEQUENCE, '').replace(CONTROL_CHARACTER, '\ufffd');
}

// A single-line cell also loses its newlines and tabs, which would break the table's rows and columns.
export function sanitizeCell(text: string): string {
  const cleaned = sanitizeText(text);
  return /[\n\t]/.test(cleaned) ? cleaned.replace(/[\n\t]/g, ' ') : cleaned;
}

function needsSanitizing(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return false;
}
