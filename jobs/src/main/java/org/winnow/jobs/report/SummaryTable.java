package org.winnow.jobs.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A plain-text table for the summary a command prints when it ends: columns padded to their
 * widest cell, numbers right-aligned, optional header and rules. Rendering is pure so that tests
 * and the ledger's readers see the same text.
 */
public final class SummaryTable {
  private static final Pattern NUMBER = Pattern.compile("[-+]?[0-9][0-9,.]*( ?%| s| MB)?|-");
  private static final String INDENT = "  ";
  private static final String GAP = "  ";

  private final List<String[]> rows = new ArrayList<>();
  private String[] header;

  /** Column titles, printed above a rule. */
  public SummaryTable header(String... titles) {
    this.header = titles.clone();
    return this;
  }

  public SummaryTable row(String... cells) {
    rows.add(cells.clone());
    return this;
  }

  /** A horizontal rule across all columns. */
  public SummaryTable rule() {
    rows.add(null);
    return this;
  }

  public String render() {
    int columns = header == null ? 0 : header.length;
    for (String[] r : rows) {
      if (r != null) {
        columns = Math.max(columns, r.length);
      }
    }
    int[] width = new int[columns];
    List<String[]> all = new ArrayList<>();
    if (header != null) {
      all.add(header);
    }
    all.addAll(rows);
    for (String[] r : all) {
      if (r != null) {
        for (int i = 0; i < r.length; i++) {
          width[i] = Math.max(width[i], cell(r, i).length());
        }
      }
    }
    StringBuilder sb = new StringBuilder();
    if (header != null) {
      line(sb, header, width, false);
      ruleLine(sb, width);
    }
    for (String[] r : rows) {
      if (r == null) {
        ruleLine(sb, width);
      } else {
        line(sb, r, width, true);
      }
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return render();
  }

  private static void line(StringBuilder sb, String[] r, int[] width, boolean alignNumbers) {
    StringBuilder l = new StringBuilder(INDENT);
    for (int i = 0; i < width.length; i++) {
      String c = cell(r, i);
      boolean right = alignNumbers && i > 0 && NUMBER.matcher(c).matches();
      String pad = " ".repeat(width[i] - c.length());
      l.append(right ? pad + c : c + pad);
      if (i < width.length - 1) {
        l.append(GAP);
      }
    }
    sb.append(l.toString().stripTrailing()).append(System.lineSeparator());
  }

  private static void ruleLine(StringBuilder sb, int[] width) {
    StringBuilder l = new StringBuilder(INDENT);
    for (int i = 0; i < width.length; i++) {
      l.append("-".repeat(width[i]));
      if (i < width.length - 1) {
        l.append(GAP);
      }
    }
    sb.append(l).append(System.lineSeparator());
  }

  private static String cell(String[] r, int i) {
    return i < r.length && r[i] != null ? r[i] : "";
  }
}
