// Text for a terminal: file names and template strings come from the pull request, and a control
// character in them (ESC for colours, titles, clearing the screen or OSC 52 clipboard writes; CR
// to overwrite a line) must reach the terminal as visible text, never as a command.

// C0 controls but tab, DEL, and C1 controls (U+0080–U+009F; U+009B is a one-byte CSI).
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/g;

/** The text with every control character written as `\xHH` (or `\uHHHH`). */
export function escapeControlCharacters(text: string): string {
  return text.replace(CONTROL, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0').toUpperCase()}` : `\\u${code.toString(16).toUpperCase()}`;
  });
}
