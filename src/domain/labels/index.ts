export { code128Check, code128Modules, code128Values, encodeCode128, GS } from './code128';
export {
  addressLines,
  buildLabelModel,
  cartonText,
  printable,
  ssccElement,
  ssccText,
  trackingBarcodeData,
  weightText,
  type LabelInput,
} from './label-model';
export { SAMPLE_LABEL_INPUT } from './label-samples';
export { labelsZpl, labelZpl, zplEscape } from './zpl';
export { labelsPdf, manifestPdf, type ManifestPdfInput } from './pdf';
