/** Small text helpers every layer shares: one escaper for XML and HTML, one ordering of strings. */

/** Characters XML 1.0 cannot hold (control characters but tab and line ends, noncharacters, lone surrogates). */
const NOT_XML = /[^\P{Cc}\t\n\r]|[\uFFFE\uFFFF]|\p{Cs}/gu;

/** Text as XML (or HTML) character data or an attribute value; characters XML cannot hold become U+FFFD. */
export function xmlEscape(text: string): string {
  return text
    .replace(NOT_XML, "\uFFFD")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** Orders strings by code unit, as a stable total order independent of locale. */
export function compareStrings(a: string, b: string): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}
