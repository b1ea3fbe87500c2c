package org.winnow.ingest.crawl;

/**
 * A URL due for fetching, as a crawl round hands it to the task that owns its host.
 *
 * @param url      the normalised URL
 * @param depth    links followed from a seed (seeds and sitemap URLs are 0)
 * @param attempts fetches tried so far that asked for a retry
 */
public record FrontierEntry(String url, int depth, int attempts) {}
