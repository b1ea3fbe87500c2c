package org.winnow.trainer.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The committed PTX was built from the committed CUDA sources: the hash that build-ptx.sh
 * records beside it is the hash of today's sources. Rebuild with nvcc on the PATH (the nvcc
 * profile) after changing a kernel.
 */
class PtxCurrentTest {
  @Test
  void committedPtxMatchesTheSources() throws IOException, NoSuchAlgorithmException {
    Path src = Path.of("src/main/cuda");
    List<Path> files;
    try (Stream<Path> s = Files.list(src)) {
      files = s.filter(p -> p.toString().endsWith(".cu") || p.toString().endsWith(".cuh"))
          .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
          .toList();
    }
    assertTrue(!files.isEmpty(), "no CUDA sources in " + src.toAbsolutePath());
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    for (Path f : files) {
      sha.update(Files.readAllBytes(f));
    }
    String recorded;
    try (InputStream in = CudaKernels.class.getResourceAsStream("sources.sha256")) {
      recorded = new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
    }
    assertEquals(recorded, HexFormat.of().formatHex(sha.digest()),
        "the PTX is stale: run src/main/cuda/build-ptx.sh (or mvn with nvcc installed)");
    String ptx = new String(CudaKernels.ptx(), StandardCharsets.US_ASCII);
    for (String kernel : List.of("matmul_bf16", "layernorm_forward", "layernorm_backward_input",
        "layernorm_backward_params", "gelu_forward", "gelu_backward", "attention_forward",
        "attention_backward_query", "attention_backward_key", "softmax_cross_entropy",
        "encoder_forward", "encoder_backward_position", "encoder_backward_token", "adamw",
        "bias_backward", "add", "find_nonfinite", "scale")) {
      assertTrue(ptx.contains(".entry " + kernel + "("), kernel + " missing from the PTX");
    }
    assertTrue(ptx.contains("mma.sync.aligned") && ptx.contains("bf16"),
        "the matrix product does not use bf16 tensor-core mma");
  }
}
