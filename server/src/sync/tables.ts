export { isSyncTable, SYNC_TABLES, type SyncTableName } from '../../../renderer/sync/tableSchemas';
