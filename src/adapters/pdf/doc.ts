// The pdfkit document type, without loading pdfkit: `import type` is erased at run time.
import type PDFDocument from 'pdfkit';

export type Doc = typeof PDFDocument;
