package org.winnow.jobs.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the third-party data kept beside the repository ({@code <repo root>/../shared/data}). */
public final class SharedData {
  private SharedData() {}

  /** {@code <repo root>/../shared/data/<name>}, when the directory exists. */
  public static Optional<Path> dir(String name) {
    Path root = repoRoot();
    if (root == null || root.getParent() == null) {
      return Optional.empty();
    }
    Path dir = root.getParent().resolve("shared").resolve("data").resolve(name);
    return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
  }

  /** The first directory upwards from the working directory that holds {@code jobs/pom.xml}. */
  private static Path repoRoot() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("jobs").resolve("pom.xml"))) {
        return p;
      }
    }
    return null;
  }
}
