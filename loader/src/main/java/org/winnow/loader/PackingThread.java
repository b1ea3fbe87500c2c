package org.winnow.loader;

import java.util.ArrayDeque;
import java.util.List;

/**
 * Runs the packer on its own thread, ahead of the consumer by a bounded number of batches whose
 * buffers circulate between a free and a filled queue. The end of the stream and any failure
 * travel through the filled queue, so the consumer sees them in order, on its own thread.
 *
 * <p>Waking a parked thread costs the waker several microseconds, so a returned buffer wakes the
 * packer only once half the buffers are free, or when the consumer is about to run dry: the
 * packer then refills in a burst.
 */
final class PackingThread {
  /** What the consumer receives: a batch, the end, or the failure that stopped packing. */
  record Delivery(Batch batch, Throwable failure) {
    static final Delivery END = new Delivery(null, null);

    boolean isEnd() {
      return batch == null && failure == null;
    }
  }

  private final Packer packer;
  private final Object lock = new Object();
  private final ArrayDeque<Batch> free;
  private final ArrayDeque<Delivery> filled = new ArrayDeque<>();
  private final int wakeAt;
  private final Thread thread;
  private boolean packerWaiting;
  private boolean consumerWaiting;
  private volatile boolean closed;

  PackingThread(Packer packer, List<Batch> buffers) {
    this.packer = packer;
    this.free = new ArrayDeque<>(buffers);
    this.wakeAt = Math.max(1, buffers.size() / 2);
    this.thread = new Thread(this::run, "winnow-loader-pack");
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    try {
      while (!closed) {
        Batch b = takeFree();
        if (!packer.fill(b)) {
          deliver(Delivery.END);
          return;
        }
        deliver(new Delivery(b, null));
      }
    } catch (InterruptedException e) {
      // close() interrupts: stop quietly.
    } catch (Throwable t) {
      if (!closed) {
        deliver(new Delivery(null, t));
      }
    }
  }

  private Batch takeFree() throws InterruptedException {
    synchronized (lock) {
      while (free.isEmpty()) {
        if (closed) {
          throw new InterruptedException("closed");
        }
        packerWaiting = true;
        lock.wait();
      }
      packerWaiting = false;
      return free.poll();
    }
  }

  private void deliver(Delivery d) {
    synchronized (lock) {
      filled.add(d);
      if (consumerWaiting) {
        lock.notifyAll();
      }
    }
  }

  /** The next delivery, waiting for the packer. */
  Delivery take() throws InterruptedException {
    synchronized (lock) {
      while (filled.isEmpty()) {
        if (packerWaiting && !free.isEmpty()) {
          lock.notifyAll();
        }
        consumerWaiting = true;
        lock.wait();
      }
      consumerWaiting = false;
      return filled.poll();
    }
  }

  /** Returns a batch the consumer is done with. */
  void recycle(Batch b) {
    synchronized (lock) {
      free.add(b);
      if (packerWaiting && (free.size() >= wakeAt || filled.size() <= 1)) {
        lock.notifyAll();
      }
    }
  }

  /** Stops the packer and waits up to {@code timeoutMillis} for its thread to end. */
  void close(long timeoutMillis) throws InterruptedException {
    closed = true;
    synchronized (lock) {
      lock.notifyAll();
    }
    thread.interrupt();
    thread.join(timeoutMillis);
    packer.close();
  }
}
