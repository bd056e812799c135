/** The part of teams-js the tab uses: loaded as its own chunk, and only inside a frame (tree-shaken to these two). */
export { app, authentication } from '@microsoft/teams-js';
