package org.winnow.tokenizer.vocab;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * tiktoken's rank file: one token a line, its bytes in base64, a space, its rank. Blank lines are
 * skipped, as tiktoken does; anything else malformed, a rank used twice or a token listed twice
 * is an error naming the line.
 */
public final class TiktokenRankFile {

  private TiktokenRankFile() {}

  /** The ranks of {@code file}: {@code result[rank]} is the token, {@code null} for unused ranks. */
  public static Ranks read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    }
  }

  /** The ranks read from {@code in}; {@code source} names it in errors. */
  public static Ranks read(InputStream in, String source) throws IOException {
    DigestInputStream digesting = new DigestInputStream(in, Sha256.newDigest());
    BufferedReader reader = new BufferedReader(new InputStreamReader(digesting, StandardCharsets.ISO_8859_1), 1 << 16);
    Base64.Decoder base64 = Base64.getDecoder();
    byte[][] byRank = new byte[1024][];
    int[] lineOfRank = new int[1024];
    Map<ByteBuffer, Integer> lineOfToken = new HashMap<>();
    int maxRank = -1;
    int count = 0;
    String line;
    int lineNo = 0;
    while ((line = reader.readLine()) != null) {
      lineNo++;
      if (line.isEmpty()) {
        continue;
      }
      int space = line.indexOf(' ');
      if (space <= 0 || space != line.lastIndexOf(' ') || space == line.length() - 1) {
        throw new VocabFormatException(source, lineNo, "expected '<base64 token> <rank>', got '" + clip(line) + "'");
      }
      byte[] token;
      try {
        token = base64.decode(line.substring(0, space));
      } catch (IllegalArgumentException e) {
        throw new VocabFormatException(source, lineNo, "invalid base64 token '" + clip(line.substring(0, space)) + "'");
      }
      if (token.length == 0) {
        throw new VocabFormatException(source, lineNo, "empty token");
      }
      int rank;
      try {
        rank = Integer.parseInt(line.substring(space + 1));
      } catch (NumberFormatException e) {
        throw new VocabFormatException(source, lineNo, "rank is not an integer: '" + clip(line.substring(space + 1)) + "'");
      }
      if (rank < 0) {
        throw new VocabFormatException(source, lineNo, "negative rank " + rank);
      }
      if (rank >= byRank.length) {
        int size = Math.max(rank + 1, byRank.length * 2);
        byRank = Arrays.copyOf(byRank, size);
        lineOfRank = Arrays.copyOf(lineOfRank, size);
      }
      if (byRank[rank] != null) {
        throw new VocabFormatException(source, lineNo, "rank " + rank + " already used at line " + lineOfRank[rank]);
      }
      Integer earlier = lineOfToken.putIfAbsent(ByteBuffer.wrap(token), lineNo);
      if (earlier != null) {
        throw new VocabFormatException(source, lineNo, "token already listed at line " + earlier);
      }
      byRank[rank] = token;
      lineOfRank[rank] = lineNo;
      maxRank = Math.max(maxRank, rank);
      count++;
    }
    if (count == 0) {
      throw new VocabFormatException(source, lineNo, "no ranks");
    }
    return new Ranks(Arrays.copyOf(byRank, maxRank + 1), count, Sha256.hex(digesting.getMessageDigest()));
  }

  /** Writes {@code ranks} (null entries skipped) to {@code out}, one line each, in rank order. */
  public static void write(byte[][] ranks, OutputStream out) throws IOException {
    Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.US_ASCII), 1 << 16);
    Base64.Encoder base64 = Base64.getEncoder();
    for (int rank = 0; rank < ranks.length; rank++) {
      if (ranks[rank] != null) {
        writer.write(base64.encodeToString(ranks[rank]));
        writer.write(' ');
        writer.write(Integer.toString(rank));
        writer.write('\n');
      }
    }
    writer.flush();
  }

  /** Writes {@code ranks} to {@code file}. */
  public static void write(byte[][] ranks, Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      write(ranks, out);
    }
  }

  private static String clip(String s) {
    return s.length() <= 60 ? s : s.substring(0, 60) + "...";
  }

  /**
   * What a rank file holds.
   *
   * @param byRank the token of each rank, {@code null} for unused ranks
   * @param count the number of ranks used
   * @param sha256 the SHA-256 (hex) of the file's bytes
   */
  public record Ranks(byte[][] byRank, int count, String sha256) {}
}
