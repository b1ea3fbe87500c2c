package org.winnow.core.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/** {@link OutputStore} over the local file system. */
public final class LocalOutputStore implements OutputStore {

  @Override
  public boolean exists(String path) {
    return Files.exists(Path.of(path));
  }

  @Override
  public void deleteRecursively(String path) throws IOException {
    Path root = Path.of(path);
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @Override
  public void rename(String from, String to) throws IOException {
    Path target = Path.of(to);
    if (target.getParent() != null) {
      Files.createDirectories(target.getParent());
    }
    Files.move(Path.of(from), target, StandardCopyOption.ATOMIC_MOVE);
  }

  @Override
  public void writeUtf8(String path, String content) throws IOException {
    Path p = Path.of(path);
    if (p.getParent() != null) {
      Files.createDirectories(p.getParent());
    }
    Files.writeString(p, content, StandardCharsets.UTF_8);
  }

  @Override
  public String readUtf8(String path) throws IOException {
    return Files.readString(Path.of(path), StandardCharsets.UTF_8);
  }

  @Override
  public String child(String dir, String name) {
    return Path.of(dir).resolve(name).toString();
  }

  @Override
  public String sibling(String path, String name) {
    return Path.of(path).toAbsolutePath().resolveSibling(name).toString();
  }

  @Override
  public String name(String path) {
    return Path.of(path).getFileName().toString();
  }
}
