package org.winnow.bench.tokenizer;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files of {@code ../shared/data} beside the repository (or {@code -Dwinnow.shared.data=DIR}). */
final class SharedData {

  private SharedData() {}

  static Path file(String relative) {
    String configured = System.getProperty("winnow.shared.data");
    if (configured != null) {
      return Path.of(configured).resolve(relative);
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("tokenizer"))) {
        return p.resolve("../shared/data").resolve(relative).normalize();
      }
    }
    return Path.of("../shared/data").resolve(relative);
  }
}
