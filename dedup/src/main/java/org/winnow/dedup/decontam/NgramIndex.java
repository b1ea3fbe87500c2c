package org.winnow.dedup.decontam;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.IndexOutput;
import org.apache.lucene.util.BytesRef;

/**
 * A Lucene index of the word n-grams of protected texts: one Lucene document per protected text,
 * its shingles as the terms of one field (documents only, no positions), its source stored.
 * Looking a training text up costs one term seek per shingle. The index is held as the bytes of
 * its Lucene files, so it can be shipped to Spark executors and reopened there.
 */
public final class NgramIndex implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String NGRAM = "ngram";
  private static final String SOURCE = "source";
  private static final FieldType NGRAM_TYPE = ngramType();

  private final int n;
  private final Map<String, byte[]> files;
  private final Map<String, Integer> textsBySource;
  private final Map<String, Integer> shortTextsBySource;
  private transient Opened opened;

  private NgramIndex(int n, Map<String, byte[]> files, Map<String, Integer> textsBySource,
      Map<String, Integer> shortTextsBySource) {
    this.n = n;
    this.files = files;
    this.textsBySource = textsBySource;
    this.shortTextsBySource = shortTextsBySource;
  }

  /** Indexes {@code texts} with shingles of {@code n} words. */
  public static NgramIndex build(Iterable<ProtectedText> texts, int n) {
    ShingleAnalyzer analyzer = new ShingleAnalyzer(n);
    Map<String, Integer> bySource = new TreeMap<>();
    Map<String, Integer> tooShort = new TreeMap<>();
    try (Directory dir = new ByteBuffersDirectory()) {
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
        for (ProtectedText t : texts) {
          bySource.merge(t.source(), 1, Integer::sum);
          if (!hasShingle(analyzer, t.text())) {
            // Shorter than n words: it cannot be matched, and the report says how many there were.
            tooShort.merge(t.source(), 1, Integer::sum);
            continue;
          }
          Document d = new Document();
          d.add(new Field(NGRAM, t.text(), NGRAM_TYPE));
          d.add(new StoredField(SOURCE, t.source()));
          w.addDocument(d);
        }
        w.forceMerge(1);
      }
      Map<String, byte[]> files = new LinkedHashMap<>();
      for (String name : dir.listAll()) {
        try (IndexInput in = dir.openInput(name, IOContext.READONCE)) {
          byte[] bytes = new byte[Math.toIntExact(in.length())];
          in.readBytes(bytes, 0, bytes.length);
          files.put(name, bytes);
        }
      }
      return new NgramIndex(n, files, bySource, tooShort);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build the n-gram index", e);
    }
  }

  public int n() {
    return n;
  }

  /** Protected texts per source, including those too short to index. */
  public Map<String, Integer> textsBySource() {
    return textsBySource;
  }

  /** Protected texts per source with fewer than {@code n} words, which no shingle can match. */
  public Map<String, Integer> shortTextsBySource() {
    return shortTextsBySource;
  }

  /** Size of the index files in bytes. */
  public long bytes() {
    return files.values().stream().mapToLong(b -> b.length).sum();
  }

  /** The shingles {@code text} shares with the protected texts. Thread-safe. */
  public Overlap overlap(String text) {
    Opened o = opened();
    if (o.terms == null) {
      return Overlap.NONE;
    }
    int total = 0;
    Set<String> matched = new HashSet<>();
    Map<String, Integer> bySource = new TreeMap<>();
    try (TokenStream ts = o.analyzer.tokenStream(NGRAM, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      TermsEnum te = o.terms.iterator();
      PostingsEnum postings = null;
      ts.reset();
      while (ts.incrementToken()) {
        total++;
        String shingle = term.toString();
        if (matched.contains(shingle) || !te.seekExact(new BytesRef(shingle))) {
          continue;
        }
        matched.add(shingle);
        postings = te.postings(postings, PostingsEnum.NONE);
        Set<String> sources = new HashSet<>();
        for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS;
            doc = postings.nextDoc()) {
          sources.add(o.sources[doc]);
        }
        for (String s : sources) {
          bySource.merge(s, 1, Integer::sum);
        }
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException("n-gram lookup failed", e);
    }
    return new Overlap(total, matched.size(), bySource);
  }

  private synchronized Opened opened() {
    if (opened == null) {
      opened = open();
    }
    return opened;
  }

  private Opened open() {
    try {
      ByteBuffersDirectory dir = new ByteBuffersDirectory();
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        try (IndexOutput out = dir.createOutput(f.getKey(), IOContext.DEFAULT)) {
          out.writeBytes(f.getValue(), f.getValue().length);
        }
      }
      DirectoryReader reader = DirectoryReader.open(dir);
      if (reader.leaves().isEmpty()) {
        return new Opened(new ShingleAnalyzer(n), null, new String[0]);
      }
      // forceMerge(1) left one segment.
      LeafReaderContext leaf = reader.leaves().get(0);
      LeafReader lr = leaf.reader();
      StoredFields stored = lr.storedFields();
      String[] sources = new String[lr.maxDoc()];
      for (int d = 0; d < sources.length; d++) {
        sources[d] = stored.document(d).get(SOURCE);
      }
      return new Opened(new ShingleAnalyzer(n), lr.terms(NGRAM), sources);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the n-gram index", e);
    }
  }

  private static boolean hasShingle(ShingleAnalyzer analyzer, String text) {
    try (TokenStream ts = analyzer.tokenStream(NGRAM, text)) {
      ts.reset();
      boolean any = ts.incrementToken();
      while (ts.incrementToken()) {
        // drain: a TokenStream must be consumed before end()
      }
      ts.end();
      return any;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static FieldType ngramType() {
    FieldType t = new FieldType();
    t.setIndexOptions(IndexOptions.DOCS);
    t.setTokenized(true);
    t.setOmitNorms(true);
    t.freeze();
    return t;
  }

  private record Opened(ShingleAnalyzer analyzer, Terms terms, String[] sources) {}
}
