/**
 * User text (member names, shop lines, item names) put into a receiptline document must print literally:
 * receiptline reads `| { } \ ~ _ " ` ^` anywhere and a line of only `-`/`=` as markup, so a member called
 * "A|B {x}" would otherwise split into columns or vanish as a broken property.
 */

// Every character the README lists under "Escape sequences in text". `-` and `=` only matter when they
// make up a whole column, but escaping them everywhere is harmless and needs no context.
const TEXT_SPECIALS = /[\\|{}\-=~_"`^]/g;

// Control characters would end the line (LF) or be dropped silently; a space keeps words apart.
const CONTROLS = /[\u0000-\u001f\u007f]/g;

export function escapeText(text: string): string {
  return text.replace(CONTROLS, ' ').replace(TEXT_SPECIALS, (c) => `\\${c}`);
}

/**
 * A property value (`{code:…}`) has its own specials (`\ | { } ;`), and receiptline turns `\n` into a
 * line break before it reads other escapes, so `\\n` would become a backslash and a newline. Hexadecimal
 * escapes (`\x5c`) avoid both; spaces are escaped too because receiptline trims a value's ends.
 */
export function escapePropertyValue(value: string): string {
  return value.replace(/[\\|{};:\t \u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
