export * from './api';
export * from './ledger';
export * from './models';
export * from './tally';
export * from './text';
