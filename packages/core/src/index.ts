export * from './types.js';
export * from './gtin.js';
export * from './geo.js';
export * from './messages.js';
export * from './schema-org.js';
export { pageMessagesEn } from './messages-pages-en.js';
