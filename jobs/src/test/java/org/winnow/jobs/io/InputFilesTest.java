package org.winnow.jobs.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFilesTest {
  private static final Configuration CONF = new Configuration();

  @TempDir Path tmp;

  private Path file(String rel, int bytes) throws IOException {
    Path p = tmp.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.write(p, new byte[bytes]);
    return p;
  }

  private static List<String> names(List<InputFile> files) {
    return files.stream().map(f -> f.path().substring(f.path().lastIndexOf('/') + 1)).toList();
  }

  @Test
  void globsDirectoriesAndFilesExpandSortedWithoutDuplicates() throws IOException {
    file("a/2.warc.gz", 20);
    file("a/1.warc.gz", 10);
    file("a/notes.txt", 5);
    file("a/_SUCCESS", 0);
    file("a/.hidden.warc.gz", 3);
    file("b/sub/3.warc", 30);
    file("c/x.wet.gz", 7);
    List<InputFile> files = InputFiles.expand(CONF, List.of(
        tmp.resolve("c/*.gz").toString(), tmp.resolve("a").toString(), tmp.resolve("b").toString(),
        tmp.resolve("a/1.warc.gz").toString()));
    assertEquals(List.of("1.warc.gz", "2.warc.gz", "3.warc", "x.wet.gz"), names(files));
    assertTrue(files.get(0).path().startsWith("file:/"), files.get(0).path());
    assertEquals(10 + 20 + 30 + 7, InputFiles.totalBytes(files));
  }

  @Test
  void anExplicitFileIsTakenWhateverItsName() throws IOException {
    Path odd = file("odd.bin", 4);
    assertEquals(List.of("odd.bin"), names(InputFiles.expand(CONF, List.of(odd.toString()))));
  }

  @Test
  void aPatternMatchingNothingNamesThePattern() throws IOException {
    file("a/1.warc.gz", 1);
    String missing = tmp.resolve("zzz/*.warc.gz").toString();
    NoInputException e = assertThrows(NoInputException.class,
        () -> InputFiles.expand(CONF, List.of(tmp.resolve("a").toString(), missing)));
    assertTrue(e.getMessage().contains(missing), e.getMessage());
  }

  @Test
  void aDirectoryWithoutWarcsIsRefused() throws IOException {
    file("empty/readme.md", 1);
    NoInputException e = assertThrows(NoInputException.class,
        () -> InputFiles.expand(CONF, List.of(tmp.resolve("empty").toString())));
    assertTrue(e.getMessage().contains("without WARC files"), e.getMessage());
  }
}
