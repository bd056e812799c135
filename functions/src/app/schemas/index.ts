/** Input schemas of every use case, shared by the HTTP API and the bot's card submissions. */
export * from './parse';
export * from './common';
export * from './programme';
export * from './enrollment';
export * from './pairs';
export * from './steering';
export * from './privacy';
export * from './operations';
export * from './manage';
