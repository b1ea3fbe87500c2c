package org.winnow.ingest.html;

/**
 * What {@link MainTextExtractor} keeps of one HTML page.
 *
 * @param title the page title: {@code <title>}, else {@code og:title}, else the first {@code <h1>};
 *     empty when the page has none
 * @param text the main text: blocks (paragraphs, headings, lists, tables...) separated by a blank
 *     line, lines inside a block (list items, table rows, line breaks) by a newline, the cells of
 *     a table row by a tab, runs of other white space collapsed to one space; empty when the page
 *     has no main text
 * @param hiddenChars characters of text (whitespace runs counted as one) inside elements that the
 *     page hides from a reader and the extractor therefore dropped; a signal for hidden-text
 *     injection, counted wherever in the body the hidden element sits
 */
public record ExtractedPage(String title, String text, int hiddenChars) {}
