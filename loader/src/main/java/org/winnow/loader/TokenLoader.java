package org.winnow.loader;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.winnow.loader.manifest.TokenizerIdentity;
import org.winnow.loader.plan.ShuffleSpec;
import org.winnow.loader.shard.ShardException;
import org.winnow.loader.shard.Split;
import org.winnow.loader.state.LoaderState;

/**
 * Streams packed batches from token shards: one or more datasets mixed by token share, each
 * epoch shuffled across shards, split among ranks so that every document of an epoch is read by
 * exactly one rank, resumable from {@link #state()}. The batches are a pure function of the
 * configuration, the data and the rank: prefetching threads change when work is done, never what
 * is delivered.
 *
 * <pre>{@code
 * try (TokenLoader loader = TokenLoader.builder()
 *     .dataset(DatasetSpec.of("web", "/data/shards/web"))
 *     .tokenizerSha256(vocabSha256)
 *     .batchSize(8).seqLen(1024).seed(42)
 *     .resumeFrom(savedStateOrNull)
 *     .build()) {
 *   while (training) {
 *     Batch b = loader.next();          // valid until the next call
 *     step(b.tokens());                 // [8 x 1025]: inputs = row[0..1024), targets = row[1..1025)
 *     if (checkpoint) save(loader.state().toJson());
 *   }
 * }
 * }</pre>
 *
 * <p>With several data-parallel ranks, build one loader per rank ({@code rank(r, world)}) and
 * checkpoint every rank's state; to resume on a different number of ranks, pass all of them to
 * {@link LoaderState#reshard} and give each new rank its share.
 *
 * <p>Not thread-safe: one consumer thread calls {@link #next()}. Failures on the background
 * threads are thrown from {@code next()} / {@code hasNext()}.
 */
public final class TokenLoader implements AutoCloseable {
  private final LoaderConfig config;
  private final ExecutorService pool;
  private final PackingThread packing;
  private final LoaderSnapshot initial;
  private final TokenizerIdentity tokenizer;
  private Batch current;
  private Batch peeked;
  private boolean ended;
  private RuntimeException failure;
  private long warningCount;
  private boolean closed;

  TokenLoader(LoaderConfig config, ExecutorService pool, PackingThread packing,
      LoaderSnapshot initial, TokenizerIdentity tokenizer, long warningCount) {
    this.config = config;
    this.pool = pool;
    this.packing = packing;
    this.initial = initial;
    this.tokenizer = tokenizer;
    this.warningCount = warningCount;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Whether another batch will come; waits for it. False only when a dataset's epochs run out. */
  public boolean hasNext() {
    if (closed) {
      throw new IllegalStateException("loader is closed");
    }
    if (failure != null) {
      throw failure;
    }
    if (peeked != null) {
      return true;
    }
    if (ended) {
      return false;
    }
    PackingThread.Delivery d;
    try {
      d = packing.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a batch", e);
    }
    if (d.isEnd()) {
      ended = true;
      return false;
    }
    if (d.failure() != null) {
      Throwable t = d.failure();
      failure = t instanceof ShardException ? ((ShardException) t).rethrown()
          : new IllegalStateException("loader failed: " + t, t);
      throw failure;
    }
    peeked = d.batch();
    return true;
  }

  /**
   * The next batch. The previous one's buffer is reused from here on.
   *
   * @throws NoSuchElementException when a dataset's allowed epochs are used up
   * @throws ShardException naming the shard file and row group when one cannot be read under
   *     {@link CorruptShardPolicy#FAIL}
   */
  public Batch next() {
    if (!hasNext()) {
      throw new NoSuchElementException("the loader's datasets have no more epochs");
    }
    Batch b = peeked;
    peeked = null;
    if (current != null) {
      packing.recycle(current);
    }
    current = b;
    for (LoaderWarning w : b.warnings()) {
      warningCount++;
      config.onWarning().accept(w);
    }
    return b;
  }

  /** The state after the last batch returned by {@link #next()} (before the first: the start). */
  public LoaderState state() {
    LoaderSnapshot s = current == null ? initial : current.after();
    return s.toState(config.seed(), config.rank(), config.worldSize(), config.shuffle());
  }

  /** The tokenizer the shards were made with (its hash is the one the loader was given). */
  public TokenizerIdentity tokenizer() {
    return tokenizer;
  }

  /** Shard files and row groups left out so far under {@link CorruptShardPolicy#SKIP}. */
  public long warningCount() {
    return warningCount;
  }

  /** Stops the background threads and releases every buffer; idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    pool.shutdownNow();
    try {
      packing.close(10_000);
      pool.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    current = null;
    peeked = null;
  }

  /** Configures a loader. Every setting has a default except the datasets, hash and shape. */
  public static final class Builder {
    private final List<DatasetSpec> datasets = new ArrayList<>();
    private Split split = Split.TRAIN;
    private String tokenizerSha256;
    private int batchSize;
    private int seqLen;
    private long seed;
    private int rank;
    private int worldSize = 1;
    private ShuffleSpec shuffle = ShuffleSpec.DEFAULT;
    private int prefetchBatches = 4;
    private int decodeThreads = 2;
    private long readAheadTokens = 8L << 20;
    private int readAheadRowGroups = 16;
    private boolean documentStarts;
    private boolean directBuffers;
    private CorruptShardPolicy corruptShards = CorruptShardPolicy.FAIL;
    private Consumer<LoaderWarning> onWarning = w -> {};
    private LoaderState resume;

    private Builder() {}

    /** Adds a dataset to the mixture (a single dataset gets every row). */
    public Builder dataset(DatasetSpec d) {
      datasets.add(Objects.requireNonNull(d));
      return this;
    }

    /** Which split to read; {@code train} by default. */
    public Builder split(Split s) {
      split = Objects.requireNonNull(s);
      return this;
    }

    /** The sha256 of the vocabulary the trainer uses; shards made with another are refused. */
    public Builder tokenizerSha256(String sha256) {
      tokenizerSha256 = Objects.requireNonNull(sha256);
      return this;
    }

    public Builder batchSize(int b) {
      batchSize = positive("batchSize", b);
      return this;
    }

    /** Tokens of input per sequence ({@code T}); each row holds {@code T + 1}. */
    public Builder seqLen(int t) {
      seqLen = positive("seqLen", t);
      return this;
    }

    public Builder seed(long s) {
      seed = s;
      return this;
    }

    /** This process's rank among {@code worldSize} data-parallel ranks; 0 of 1 by default. */
    public Builder rank(int r, int world) {
      worldSize = positive("worldSize", world);
      if (r < 0 || r >= world) {
        throw new IllegalArgumentException("rank " + r + " outside world size " + world);
      }
      rank = r;
      return this;
    }

    /** The epoch shuffle; {@link ShuffleSpec#DEFAULT} unless set ({@link ShuffleSpec#OFF} for evaluation). */
    public Builder shuffle(ShuffleSpec s) {
      shuffle = Objects.requireNonNull(s);
      return this;
    }

    /** Batches packed ahead of the consumer (4). */
    public Builder prefetchBatches(int n) {
      prefetchBatches = positive("prefetchBatches", n);
      return this;
    }

    /** Threads decoding row groups (2). */
    public Builder decodeThreads(int n) {
      decodeThreads = positive("decodeThreads", n);
      return this;
    }

    /**
     * Tokens of row groups decoded ahead of the window being read, per dataset (8 Mi); at least
     * one window is always decoded ahead. Memory is about 4 bytes per token of this plus the
     * shuffle window, per dataset.
     */
    public Builder readAheadTokens(long n) {
      if (n <= 0) {
        throw new IllegalArgumentException("readAheadTokens must be positive: " + n);
      }
      readAheadTokens = n;
      return this;
    }

    /**
     * Row groups decoded ahead of the window being read, per dataset (16); with {@link
     * #readAheadTokens} the bound on decoded data in flight.
     */
    public Builder readAheadRowGroups(int n) {
      readAheadRowGroups = positive("readAheadRowGroups", n);
      return this;
    }

    /** Whether batches carry each row's document-start positions (off). */
    public Builder documentStarts(boolean on) {
      documentStarts = on;
      return this;
    }

    /** Whether batches live in direct, native-order buffers (off: int arrays). */
    public Builder directBuffers(boolean on) {
      directBuffers = on;
      return this;
    }

    public Builder corruptShards(CorruptShardPolicy p) {
      corruptShards = Objects.requireNonNull(p);
      return this;
    }

    /** Receives each skipped shard or row group, on the consumer's thread. */
    public Builder onWarning(Consumer<LoaderWarning> sink) {
      onWarning = Objects.requireNonNull(sink);
      return this;
    }

    /** Continues from a state a loader of the same configuration, rank and world returned. */
    public Builder resumeFrom(LoaderState state) {
      resume = state;
      return this;
    }

    /**
     * Opens the datasets (manifests first: the tokenizer hash is checked before any shard is
     * read) and starts the background threads.
     *
     * @throws ShardException naming the manifest or shard that cannot be used
     * @throws IllegalArgumentException when the configuration or the resume state does not fit
     */
    public TokenLoader build() {
      LoaderConfig config = new LoaderConfig(datasets, split, tokenizerSha256, batchSize, seqLen,
          seed, rank, worldSize, shuffle, prefetchBatches, decodeThreads, readAheadTokens,
          readAheadRowGroups, documentStarts, directBuffers, corruptShards, onWarning);
      return LoaderAssembly.open(config, resume);
    }

    private static int positive(String what, int n) {
      if (n <= 0) {
        throw new IllegalArgumentException(what + " must be positive: " + n);
      }
      return n;
    }
  }
}
