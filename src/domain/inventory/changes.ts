/**
 * What inventory commands (return.grade, count.submit) change beyond ledger movements,
 * as rows for the server to write (services/inventory-writes.ts). Filled in with the
 * server side of those commands.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface InventoryChanges {}
