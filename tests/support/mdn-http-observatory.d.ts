// Types for the parts of @mdn/mdn-http-observatory that tests/support/observatory.ts uses. The
// package is JavaScript typed in JSDoc, which TypeScript does not read inside node_modules.

declare module '@mdn/mdn-http-observatory/src/types.js' {
  /** One retrieved response: axios' response plus whether its certificate verified. */
  interface RetrievedResponse {
    status: number;
    headers: Record<string, unknown>;
    data: string;
    verified: boolean;
    httpEquiv?: Map<string, string[]>;
  }
  /** One step of a redirect chain. */
  interface RedirectEntry {
    url: URL;
    status: number;
  }
  export const HTML_TYPES: Set<string>;
  /** Everything a scan retrieved from one host: what the tests read. */
  export class Requests {
    constructor(hostname: string);
    hostname: string;
    resources: { path: string | null };
    responses: {
      auto: RetrievedResponse | null;
      cors: RetrievedResponse | null;
      http: RetrievedResponse | null;
      https: RetrievedResponse | null;
      httpRedirects: RedirectEntry[];
      httpsRedirects: RedirectEntry[];
    };
    session: import('@mdn/mdn-http-observatory/src/retriever/session.js').Session | null;
  }
}

declare module '@mdn/mdn-http-observatory/src/retriever/session.js' {
  /** A browsing session at one URL; it keeps the cookies the host set. */
  export class Session {
    constructor(url: URL);
    url: URL;
    jar: { setCookieSync(cookie: string, url: string): unknown };
  }
}

declare module '@mdn/mdn-http-observatory/src/retriever/utils.js' {
  export function parseHttpEquivHeaders(html: string, baseUrl: string): Map<string, string[]>;
}

declare module '@mdn/mdn-http-observatory/src/constants.js' {
  type Requests = import('@mdn/mdn-http-observatory/src/types.js').Requests;
  export const ALL_TESTS: ((requests: Requests) => { result: string | null })[];
}

declare module '@mdn/mdn-http-observatory/src/grader/charts.js' {
  export const MINIMUM_SCORE_FOR_EXTRA_CREDIT: number;
}

declare module '@mdn/mdn-http-observatory/src/grader/grader.js' {
  export function getGradeForScore(score: number): { score: number; grade: string };
  export function getScoreModifier(expectation: string): number;
}
