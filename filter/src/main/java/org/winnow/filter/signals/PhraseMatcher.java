package org.winnow.filter.signals;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A fixed Aho-Corasick automaton over lower-case ASCII letters and the space, for the C4
 * phrases ("javascript", "lorem ipsum", the cookie and policy phrases). One table step per
 * character, no backtracking: linear on any input. A character outside the alphabet, after
 * lower-casing, sends the automaton back to its start, which is exact because no phrase
 * contains one.
 */
public final class PhraseMatcher {
  /** Bit set in {@link #matches} when a line contains "javascript". */
  public static final int JAVASCRIPT = 1;
  /** Bit set when a line contains "lorem ipsum". */
  public static final int LOREM_IPSUM = 2;
  /** Bit set when a line contains a cookie or policy phrase. */
  public static final int POLICY = 4;

  /** C4's policy phrases, as datatrove's C4QualityFilter lists them. */
  public static final List<String> POLICY_PHRASES = List.of(
      "terms of use", "privacy policy", "cookie policy", "uses cookies", "use of cookies",
      "use cookies");

  private static final int ALPHABET = 27; // a..z, space
  private static final int[][] NEXT;
  private static final int[] OUTPUT;

  static {
    List<String> phrases = new ArrayList<>();
    List<Integer> bits = new ArrayList<>();
    phrases.add("javascript");
    bits.add(JAVASCRIPT);
    phrases.add("lorem ipsum");
    bits.add(LOREM_IPSUM);
    for (String p : POLICY_PHRASES) {
      phrases.add(p);
      bits.add(POLICY);
    }
    List<int[]> gotoRows = new ArrayList<>();
    List<Integer> out = new ArrayList<>();
    gotoRows.add(newRow());
    out.add(0);
    for (int p = 0; p < phrases.size(); p++) {
      int state = 0;
      for (char c : phrases.get(p).toCharArray()) {
        int sym = symbol(c);
        if (gotoRows.get(state)[sym] < 0) {
          gotoRows.get(state)[sym] = gotoRows.size();
          gotoRows.add(newRow());
          out.add(0);
        }
        state = gotoRows.get(state)[sym];
      }
      out.set(state, out.get(state) | bits.get(p));
    }
    int states = gotoRows.size();
    int[][] next = new int[states][];
    int[] output = new int[states];
    int[] fail = new int[states];
    for (int s = 0; s < states; s++) {
      next[s] = gotoRows.get(s).clone();
      output[s] = out.get(s);
    }
    // Breadth-first: complete the transition table through failure links.
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int a = 0; a < ALPHABET; a++) {
      if (next[0][a] < 0) {
        next[0][a] = 0;
      } else {
        fail[next[0][a]] = 0;
        queue.add(next[0][a]);
      }
    }
    while (!queue.isEmpty()) {
      int s = queue.poll();
      output[s] |= output[fail[s]];
      for (int a = 0; a < ALPHABET; a++) {
        int t = next[s][a];
        if (t < 0) {
          next[s][a] = next[fail[s]][a];
        } else {
          fail[t] = next[fail[s]][a];
          queue.add(t);
        }
      }
    }
    NEXT = next;
    OUTPUT = output;
  }

  private int state;
  private int matches;

  /** Starts a new line. */
  public void reset() {
    state = 0;
    matches = 0;
  }

  /** Feeds one code point. */
  public void accept(int cp) {
    int sym;
    if (cp >= 'a' && cp <= 'z') {
      sym = cp - 'a';
    } else if (cp >= 'A' && cp <= 'Z') {
      sym = cp - 'A';
    } else if (cp == ' ') {
      sym = 26;
    } else if (cp == 0x212A) {
      // KELVIN SIGN: the one character outside ASCII whose lower case is an ASCII letter that
      // Python's lower() also produces alone ('k'). U+0130 lower-cases to two characters there.
      sym = 'k' - 'a';
    } else {
      sym = -1;
    }
    if (sym < 0) {
      state = 0;
      return;
    }
    state = NEXT[state][sym];
    matches |= OUTPUT[state];
  }

  /** The bits of the phrases seen since {@link #reset}. */
  public int matches() {
    return matches;
  }

  private static int[] newRow() {
    int[] row = new int[ALPHABET];
    Arrays.fill(row, -1);
    return row;
  }

  private static int symbol(char c) {
    return c == ' ' ? 26 : c - 'a';
  }
}
