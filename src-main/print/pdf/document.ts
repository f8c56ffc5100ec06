/**
 * A pdfkit document as the bill and the statement need it: in the shipped CJK font, with the
 * metadata a viewer shows, and the same bytes for the same input. pdfkit stamps CreationDate (and the
 * file ID it hashes from the info) with the current time unless told otherwise, so the caller passes
 * the moment the document is about — a re-render of an old bill is then identical to the first.
 */
import PDFDocument from 'pdfkit';
import { pdfFontSource } from './fonts.ts';

export interface PdfSetup {
  title: string;
  /** The shop's name: the author of everything a shop hands out. */
  author: string;
  createdAt: Date;
  /** BCP 47, written as the document language (screen readers, search). */
  lang: string;
  /** Keep every page open until the end, so the statement can number them "n / N". */
  bufferPages?: boolean;
}

export const MM = 72 / 25.4;

export function newPdf(setup: PdfSetup): PDFKit.PDFDocument {
  return new PDFDocument({
    // Margins are the layout's business (see layout.ts): with pdfkit's at zero it never starts a
    // page on its own, so a row is only ever cut where the layout decides.
    margin: 0,
    autoFirstPage: false,
    font: pdfFontSource(),
    bufferPages: setup.bufferPages ?? false,
    lang: setup.lang,
    displayTitle: true,
    info: { Title: setup.title, Author: setup.author, Creator: 'Regulars', CreationDate: setup.createdAt },
  });
}

/** Every page is added here, with the size the layout chose and pdfkit's margins at zero. */
export function addPage(doc: PDFKit.PDFDocument, size: [number, number]): void {
  doc.addPage({ size, margin: 0 });
}

/** Ends the document and resolves with its bytes. */
export function pdfBytes(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
