export * from './datetime';
export * from './decode-text';
export * from './html';
export * from './issues';
