/**
 * B9, the browser side: the explorer in Debian's Chromium, against a server that `run` gives.
 * (1) From navigation to the first complete paint of a large view, layout included, with each
 * layout, and with Cytoscape's fcose at its default settings as the reference. (2) Expanding a
 * node that adds some hundred elements: the longest main-thread task meanwhile (Long Tasks API)
 * and the longest gap between two frames.
 */
export interface B9Input {
    baseUrl: string;
    centre: string;
    limit: number;
    /** The enterprise to expand in (2). */
    expand: string;
    runs: number;
}
export declare function measureExplorer(input: B9Input): Promise<{
    paint: Record<string, {
        ms: number;
        nodes: number;
        edges: number;
    }>;
    expand: {
        nodes: any;
        edges: any;
        nodesBefore: any;
        ms: number;
        longestTask: number;
        longTasks: number;
        maxFrameGap: number;
    };
}>;
