/**
 * A small top-to-bottom page flow over pdf-lib: rows of wrapped, aligned cells that continue on
 * a new page when the current one is full. Text is drawn in the standard Helvetica fonts, which
 * every PDF reader has and which keep the text extractable (search, copy, screen readers).
 */
import { type PDFDocument, type PDFFont, type PDFImage, type PDFPage, rgb, StandardFonts, type RGB } from "pdf-lib";

/** US Letter with 0.75-inch margins, in points. */
export const PAGE = { width: 612, height: 792, margin: 54 } as const;
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
/** Kept clear at the bottom of every page for the footer. */
const FOOTER_SPACE = 40;

const INK = rgb(0, 0, 0);
export const MUTED = rgb(0.35, 0.35, 0.35);

export interface Cell {
  readonly text: string;
  /** Offset from the left margin. */
  readonly x: number;
  readonly width: number;
  readonly align?: "left" | "right";
  readonly bold?: boolean;
}

interface TextStyle {
  readonly size?: number;
  readonly bold?: boolean;
  readonly color?: RGB;
}

/**
 * The standard fonts encode WinAnsi only and pdf-lib throws on anything else, so characters they
 * cannot draw (a Polish "ł", an emoji in a business name) become "?" instead of failing the
 * whole document. Line breaks and tabs become spaces: every cell is laid out by `wrap`.
 */
function sanitizer(font: PDFFont): (text: string) => string {
  const drawable = new Set(font.getCharacterSet());
  return (text) =>
    Array.from(text.normalize("NFC").replace(/\s/g, " "), (char) =>
      drawable.has(char.codePointAt(0) ?? 0) ? char : "?",
    ).join("");
}

/** Greedy word wrap; a word wider than the line is broken between characters. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const fits = (candidate: string) => font.widthOfTextAtSize(candidate, size) <= width;
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ").filter((w) => w !== "")) {
    const candidate = line === "" ? word : `${line} ${word}`;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    if (line !== "") lines.push(line);
    line = "";
    for (const char of word) {
      if (line !== "" && !fits(line + char)) {
        lines.push(line);
        line = "";
      }
      line += char;
    }
  }
  if (line !== "" || lines.length === 0) lines.push(line);
  return lines;
}

export class PageFlow {
  readonly pages: PDFPage[] = [];
  private readonly doc: PDFDocument;
  private page: PDFPage;
  private y = 0;
  private readonly regular: { font: PDFFont; clean: (text: string) => string };
  private readonly bold: { font: PDFFont; clean: (text: string) => string };

  private constructor(doc: PDFDocument, regular: PDFFont, bold: PDFFont) {
    this.doc = doc;
    this.regular = { font: regular, clean: sanitizer(regular) };
    this.bold = { font: bold, clean: sanitizer(bold) };
    this.page = this.addPage();
  }

  static async create(doc: PDFDocument): Promise<PageFlow> {
    const [regular, bold] = await Promise.all([
      doc.embedFont(StandardFonts.Helvetica),
      doc.embedFont(StandardFonts.HelveticaBold),
    ]);
    return new PageFlow(doc, regular, bold);
  }

  private addPage(): PDFPage {
    const page = this.doc.addPage([PAGE.width, PAGE.height]);
    this.pages.push(page);
    this.y = PAGE.height - PAGE.margin;
    return page;
  }

  /** Starts a new page unless `height` more points fit above the footer; returns the top y. */
  private reserve(height: number): number {
    if (this.y - height < PAGE.margin + FOOTER_SPACE && this.y < PAGE.height - PAGE.margin) {
      this.page = this.addPage();
    }
    const top = this.y;
    this.y -= height;
    return top;
  }

  /** Moves down without drawing, e.g. between sections; a gap never starts a page. */
  space(points: number): void {
    this.y = Math.max(this.y - points, PAGE.margin + FOOTER_SPACE);
  }

  /** Keeps what follows together: a heading is never left alone at the foot of a page. */
  keep(points: number): void {
    this.reserve(points);
    this.y += points;
  }

  /** One row of cells, each wrapped within its width; the row is as tall as its tallest cell. */
  row(cells: readonly Cell[], { size = 9, color = INK }: Omit<TextStyle, "bold"> = {}): void {
    const leading = size * 1.35;
    const laidOut = cells.map((cell) => {
      const face = cell.bold === true ? this.bold : this.regular;
      return { cell, font: face.font, lines: wrap(face.clean(cell.text), face.font, size, cell.width) };
    });
    const height = Math.max(...laidOut.map((c) => c.lines.length)) * leading;
    const top = this.reserve(height);
    for (const { cell, font, lines } of laidOut) {
      lines.forEach((line, index) => {
        const indent = cell.align === "right" ? cell.width - font.widthOfTextAtSize(line, size) : 0;
        this.page.drawText(line, {
          x: PAGE.margin + cell.x + indent,
          y: top - size - index * leading,
          size,
          font,
          color,
        });
      });
    }
  }

  /** Full-width wrapped text. */
  text(text: string, { size = 9, bold = false, color = INK }: TextStyle = {}): void {
    this.row([{ text, x: 0, width: CONTENT_WIDTH, bold }], { size, color });
  }

  /** An image at the left margin, `width` x `height` points, moving the flow below it. */
  image(image: PDFImage, width: number, height: number): void {
    const top = this.reserve(height);
    this.page.drawImage(image, { x: PAGE.margin, y: top - height, width, height });
  }

  rule(thickness = 0.75): void {
    const top = this.reserve(6);
    this.page.drawLine({
      start: { x: PAGE.margin, y: top - 3 },
      end: { x: PAGE.width - PAGE.margin, y: top - 3 },
      thickness,
      color: MUTED,
    });
  }

  /** Draws `text` at a fixed position on a page, outside the flow (footers). */
  stamp(
    page: PDFPage,
    text: string,
    x: number,
    y: number,
    { size = 8, color = MUTED }: Omit<TextStyle, "bold"> = {},
  ): void {
    page.drawText(this.regular.clean(text), { x, y, size, font: this.regular.font, color });
  }

  widthOf(text: string, size: number): number {
    return this.regular.font.widthOfTextAtSize(this.regular.clean(text), size);
  }
}
