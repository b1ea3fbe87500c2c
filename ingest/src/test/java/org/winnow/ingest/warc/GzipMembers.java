package org.winnow.ingest.warc;

import java.util.ArrayList;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Where the gzip members of a file start, found with a bare {@link Inflater} (independently of
 * jwarc): the offsets Common Crawl's indexes give for records.
 */
final class GzipMembers {
  private GzipMembers() {}

  static List<Long> starts(byte[] file) {
    List<Long> starts = new ArrayList<>();
    int p = 0;
    byte[] sink = new byte[64 * 1024];
    while (p < file.length) {
      starts.add((long) p);
      int flags = file[p + 3] & 0xff;
      int h = p + 10;
      if ((flags & 4) != 0) {
        h += 2 + ((file[h] & 0xff) | (file[h + 1] & 0xff) << 8);
      }
      if ((flags & 8) != 0) {
        while (file[h++] != 0) {}
      }
      if ((flags & 16) != 0) {
        while (file[h++] != 0) {}
      }
      if ((flags & 2) != 0) {
        h += 2;
      }
      Inflater inflater = new Inflater(true);
      inflater.setInput(file, h, file.length - h);
      try {
        while (!inflater.finished()) {
          if (inflater.inflate(sink) == 0 && inflater.needsInput()) {
            throw new IllegalStateException("gzip member at " + p + " is cut");
          }
        }
      } catch (DataFormatException e) {
        throw new IllegalStateException("gzip member at " + p + " is corrupt", e);
      }
      p = h + (int) inflater.getBytesRead() + 8;
      inflater.end();
    }
    return starts;
  }
}
