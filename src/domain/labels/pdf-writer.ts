import { fitText, textWidth, winAnsiBytes } from './pdf-fonts';

/**
 * A small PDF 1.4 writer: pages of text in Helvetica / Helvetica-Bold, lines and filled
 * rectangles (barcodes), uncompressed so what is printed can be read back in a diff or
 * a test. Coordinates are points from the page's top-left, turned to PDF's bottom-left here.
 */

export interface TextOptions {
  bold?: boolean;
  /** Cut the text (with an ellipsis) to this width in points. */
  maxWidth?: number;
  align?: 'left' | 'right' | 'center';
}

function num(n: number): string {
  const r = Math.round(n * 100) / 100;
  return Object.is(r, -0) ? '0' : String(r);
}

/** A PDF literal string of WinAnsi bytes, each outside printable ASCII written in octal. */
export function pdfString(text: string): string {
  let out = '(';
  for (const b of winAnsiBytes(text)) {
    const ch = String.fromCharCode(b);
    if (ch === '(' || ch === ')' || ch === '\\') out += '\\' + ch;
    else if (b < 0x20 || b > 0x7e) out += '\\' + b.toString(8).padStart(3, '0');
    else out += ch;
  }
  return out + ')';
}

export class PdfPage {
  readonly ops: string[] = [];
  constructor(
    readonly width: number,
    readonly height: number,
  ) {}

  /** Text with its baseline at `y` points from the top. */
  text(x: number, y: number, size: number, text: string, opts: TextOptions = {}): this {
    const bold = opts.bold === true;
    const shown = opts.maxWidth === undefined ? text : fitText(text, size, opts.maxWidth, bold);
    if (!shown) return this;
    const w = textWidth(shown, size, bold);
    const left = opts.align === 'right' ? x - w : opts.align === 'center' ? x - w / 2 : x;
    this.ops.push(`BT /${bold ? 'F2' : 'F1'} ${num(size)} Tf ${num(left)} ${num(this.height - y)} Td ${pdfString(shown)} Tj ET`);
    return this;
  }

  /** A filled rectangle whose top-left corner is at (x, y). */
  rect(x: number, y: number, w: number, h: number): this {
    this.ops.push(`${num(x)} ${num(this.height - y - h)} ${num(w)} ${num(h)} re f`);
    return this;
  }

  line(x1: number, y1: number, x2: number, y2: number, width = 1): this {
    this.ops.push(`${num(width)} w ${num(x1)} ${num(this.height - y1)} m ${num(x2)} ${num(this.height - y2)} l S`);
    return this;
  }

  /** Bars from element widths (bar first), each module `module` points wide, top at `y`. */
  barcode(x: number, y: number, widths: readonly number[], module: number, height: number): this {
    let at = x;
    const bars: string[] = [];
    widths.forEach((w, k) => {
      if (k % 2 === 0) bars.push(`${num(at)} ${num(this.height - y - height)} ${num(w * module)} ${num(height)} re`);
      at += w * module;
    });
    if (bars.length > 0) this.ops.push(bars.join('\n') + '\nf');
    return this;
  }
}

export class PdfDocument {
  private readonly pages: PdfPage[] = [];
  constructor(private readonly title = '') {}

  addPage(width: number, height: number): PdfPage {
    const page = new PdfPage(width, height);
    this.pages.push(page);
    return page;
  }

  get pageCount(): number {
    return this.pages.length;
  }

  /**
   * The file. Every character of the body is one byte (WinAnsi text is written in octal
   * escapes beyond ASCII), so string offsets are byte offsets for the xref table.
   */
  toBytes(): Uint8Array {
    if (this.pages.length === 0) this.addPage(612, 792);
    const objects: string[] = [];
    const add = (body: string): number => objects.push(body);
    add('<< /Type /Catalog /Pages 2 0 R >>');
    const kids = this.pages.map((_, k) => `${5 + 2 * k} 0 R`).join(' ');
    add(`<< /Type /Pages /Kids [${kids}] /Count ${this.pages.length} >>`);
    add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
    add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>');
    this.pages.forEach((page, k) => {
      add(
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${num(page.width)} ${num(page.height)}] ` +
          `/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${6 + 2 * k} 0 R >>`,
      );
      const content = page.ops.join('\n');
      add(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
    });
    const info = add(`<< /Producer (Tote)${this.title ? ` /Title ${pdfString(this.title)}` : ''} >>`);

    let out = '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n';
    const offsets: number[] = [];
    objects.forEach((body, k) => {
      offsets.push(out.length);
      out += `${k + 1} 0 obj\n${body}\nendobj\n`;
    });
    const xref = out.length;
    out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
    for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
    out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${info} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;

    const bytes = new Uint8Array(out.length);
    for (let i = 0; i < out.length; i++) bytes[i] = out.charCodeAt(i);
    return bytes;
  }
}
