// Floor of the PDF rows: node importing pdfkit and drawing the same text in its built-in
// Helvetica (characters Helvetica lacks become 'x'; pdfkit's own wrapping and page breaks).
// node test/bench/floor-pdf.js TEXT_FILE OUT.pdf — the text is the same report as Markdown.
import { createWriteStream, readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';

const [text, out] = process.argv.slice(2);
const doc = new PDFDocument({ size: 'A4', margin: 46 });
const done = new Promise((resolve, reject) => doc.pipe(createWriteStream(out)).on('finish', resolve).on('error', reject));
doc.font('Helvetica').fontSize(8.5);
for (const line of readFileSync(text, 'utf8').split('\n')) if (line.trim()) doc.text(line.replace(/[^\x20-\x7e\xa0-\xff]/gu, 'x'), { width: 503 });
doc.end();
await done;
