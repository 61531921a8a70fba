// Types of scripts/start-excel.mjs for the tests that call it.
/** The file a request path names inside `root`, or undefined (outside it, or not a file). */
export declare function fileFor(root: string, urlPath: string): string | undefined;
