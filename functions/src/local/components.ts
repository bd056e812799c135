/**
 * Local stand-ins that `npm start` runs next to the app when the real service is not configured
 * (the Graph stand-in, the development identity provider, ...). Each starts on loopback and returns
 * the environment variables that point the app at it, exactly as an operator would set them for the
 * real service, so the app's own code paths are the production ones.
 */
import { graphStandInComponent } from './graph-stand-in/component';
import { devIdpComponent } from './dev-idp/component';

export interface LocalComponentContext {
  dataDir: string;
  /** The environment as the operator gave it: a component stays off when its real service is configured. */
  env: NodeJS.ProcessEnv;
  /** Where the app will listen, e.g. http://localhost:7071 (known before the components start). */
  appBaseUrl: string;
}

export interface StartedComponent {
  name: string;
  /** Environment for the app, e.g. { GRAPH_BASE_URL: 'https://localhost:53123' }. */
  env: Record<string, string>;
  /** A line for the start-up banner, e.g. "Graph stand-in  https://localhost:53123 (300 users)". */
  describe?: string;
  close(): Promise<void>;
}

export interface LocalComponent {
  name: string;
  /** Returns undefined when the real service is configured and no stand-in is needed. */
  start(ctx: LocalComponentContext): Promise<StartedComponent | undefined>;
}

/** The stand-ins, in start order. */
export const LOCAL_COMPONENTS: LocalComponent[] = [graphStandInComponent, devIdpComponent];
