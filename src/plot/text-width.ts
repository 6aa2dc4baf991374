/**
 * How wide a label will be, without a canvas to measure it. Vega lays out
 * titles, axes and legends from text widths; in Node it has no canvas and
 * guesses 0.8 em per character, about 1.6× too wide for sans-serif text, so
 * every long title would pad the picture with blank space. This estimate adds
 * up Helvetica's character widths instead (the Adobe metrics that Arial and
 * Liberation Sans share), as vl-convert plugs in its own measure.
 */

/** Helvetica's widths of the printable ASCII characters, space (32) to tilde (126), in thousandths of an em. */
// biome-ignore format: a table, sixteen characters a row as in an ASCII chart
const HELVETICA = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space ! " # $ % & ' ( ) * + , - . /
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0–9 : ; < = > ?
  1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ A–O
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P–Z [ \ ] ^ _
  333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` a–o
  556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, //        p–z { | } ~
];

/** Any other character (−, ŷ, ◆, subscripts): a generous average. */
const OTHER = 620;

/** Bold text is about 8% wider in Helvetica; 10% keeps a margin. */
const BOLD = 1.1;

/** The text item fields Vega passes to its width measure. */
interface TextItem {
  text?: unknown;
  fontSize?: number;
  fontWeight?: string | number;
}

/**
 * Width in pixels of `text` (or the item's own text) at the item's font size.
 * @example textWidth({ fontSize: 10 }, 'x1') //=> 10.56   ((500 + 556) / 1000 · 10)
 */
export function textWidth(item: TextItem, text?: unknown): number {
  const value = text ?? item.text ?? '';
  const lines = Array.isArray(value) ? value.map(String) : [String(value)];
  const size = item.fontSize ?? 11;
  const weight = item.fontWeight;
  const bold = weight === 'bold' || weight === 'bolder' || (typeof weight === 'number' && weight >= 600);
  let widest = 0;
  for (const line of lines) {
    let ems = 0;
    for (const char of line) {
      const code = char.codePointAt(0)!;
      ems += (code >= 32 && code <= 126 ? HELVETICA[code - 32] : OTHER) / 1000;
    }
    widest = Math.max(widest, ems);
  }
  return widest * size * (bold ? BOLD : 1);
}
