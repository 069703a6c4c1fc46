export * from './datetime';
export * from './html';
