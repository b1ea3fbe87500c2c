package org.winnow.trainer.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores held-out documents with a model. Each document is predicted whole: the end-of-text token
 * is the context of its first token (as in packed training, where a document follows the
 * previous one's end), so every token and therefore every byte of the text is scored. A document
 * longer than the sequence length is cut into consecutive windows, each scored from its own start.
 */
public final class Evaluator {
  private final Scorer model;
  private final int eotId;
  private final int[] in;
  private final int[] target;
  private final int[] owner;

  public Evaluator(Scorer model, int eotId) {
    this.model = model;
    this.eotId = eotId;
    int n = model.batch() * model.seqLen();
    this.in = new int[n];
    this.target = new int[n];
    this.owner = new int[n];
  }

  public EvalReport evaluate(long step, List<HeldoutDocument> docs, long seed) {
    int t = model.seqLen();
    int rows = model.batch();
    double[] nats = new double[docs.size()];
    int row = 0;
    for (int d = 0; d < docs.size(); d++) {
      int[] tokens = docs.get(d).tokens();
      for (int w = 0; w < tokens.length; w += t) {
        int base = row * t;
        for (int i = 0; i < t; i++) {
          int p = w + i;
          if (p < tokens.length) {
            in[base + i] = p == 0 ? eotId : tokens[p - 1];
            target[base + i] = tokens[p];
          } else {
            in[base + i] = eotId;
            target[base + i] = -1;
          }
          owner[base + i] = d;
        }
        row++;
        if (row == rows) {
          score(rows, nats);
          row = 0;
        }
      }
    }
    if (row > 0) {
      for (int i = row * t; i < rows * t; i++) {
        in[i] = eotId;
        target[i] = -1;
      }
      score(row, nats);
    }
    List<DocumentLoss> losses = new ArrayList<>();
    Map<String, List<DocumentLoss>> bySource = new LinkedHashMap<>();
    for (int d = 0; d < docs.size(); d++) {
      HeldoutDocument doc = docs.get(d);
      DocumentLoss l = new DocumentLoss(doc.docId(), doc.source(), doc.tokens().length,
          doc.nBytes(), nats[d]);
      losses.add(l);
      bySource.computeIfAbsent(doc.source(), k -> new ArrayList<>()).add(l);
    }
    List<LossEstimate> perSource = new ArrayList<>();
    bySource.forEach((source, list) -> perSource.add(Bootstrap.estimate(source, list, seed)));
    return new EvalReport(step, perSource, Bootstrap.estimate("pooled", losses, seed), losses);
  }

  private void score(int usedRows, double[] nats) {
    model.forward(in, target);
    float[] l = model.losses();
    for (int i = 0; i < usedRows * model.seqLen(); i++) {
      if (target[i] >= 0) {
        nats[owner[i]] += l[i];
      }
    }
  }
}
