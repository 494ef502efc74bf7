import { labelsPdf } from '../../domain/labels';
import type { LabelModel } from '../../domain/packing/types';

/** The cartons' 4x6 labels as one PDF, drawn in the page: no network needed. */
export function makeLabelsPdf(models: readonly LabelModel[]): Blob {
  return new Blob([Uint8Array.from(labelsPdf(models))], { type: 'application/pdf' });
}

export interface OpenedPdf {
  /** An object URL of the PDF: a link to it opens or downloads it when printing did not start. */
  url: string;
  filename: string;
  /** Removes the print frame and frees the URL. */
  close: () => void;
}

const FRAME_ID = 'tote-print-frame';

/** A filename the worker can find again: the title with anything odd replaced. */
export function pdfFilename(title: string): string {
  const base = title.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '');
  return `${base || 'labels'}.pdf`;
}

/**
 * Prints a PDF from a hidden frame (the browser's own PDF viewer draws it, so any printer
 * the device knows works). Browsers without an inline PDF viewer (some phones) do not
 * print from the frame; the returned URL is for the fallback link the screen shows.
 */
export function openPdf(blob: Blob, title: string): OpenedPdf {
  document.getElementById(FRAME_ID)?.remove();
  const url = URL.createObjectURL(blob);
  const frame = document.createElement('iframe');
  frame.id = FRAME_ID;
  frame.title = title;
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  // Off-screen rather than display:none: a hidden frame never loads its viewer in Chromium.
  Object.assign(frame.style, { position: 'fixed', right: '0', bottom: '0', width: '1px', height: '1px', border: '0', opacity: '0' });
  frame.addEventListener('load', () => {
    try {
      frame.contentWindow?.focus();
      frame.contentWindow?.print();
    } catch {
      // No inline viewer or printing blocked: the fallback link still opens the file.
    }
  });
  frame.src = url;
  document.body.append(frame);
  return {
    url,
    filename: pdfFilename(title),
    close: () => {
      frame.remove();
      URL.revokeObjectURL(url);
    },
  };
}
