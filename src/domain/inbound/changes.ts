/**
 * What receiving commands (receipt.close, putaway.confirm, stock.move) change beyond
 * ledger movements, as rows for the server to write (services/receiving-writes.ts).
 * Filled in with the server side of those commands.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ReceivingChanges {}
