export { buildApp, type AppOptions } from './api/app.js';
export { SqliteStore } from './store/sqlite.js';
export type { Store } from './store/store.js';
export type { DataSet, OfferRecord, PlaceRecord } from './dataset.js';
export { generateDemoTown } from './demo/town.js';
export { openingState } from './hours.js';
