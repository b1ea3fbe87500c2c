package org.winnow.jobs.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.winnow.jobs.testing.SharedSpark;

/** The local file system without chmod processes: the same permissions as Hadoop's own. */
class NioLocalFileSystemTest {
  @RegisterExtension static final SharedSpark SPARK = new SharedSpark();
  @TempDir Path tmp;

  @Test
  void filesAndDirectoriesGetTheSamePermissionsAsWithHadoopsLocalFileSystem() throws IOException {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
        "POSIX permissions only");
    Configuration conf = new Configuration();
    try (FileSystem stock = new LocalFileSystem(); FileSystem nio = new NioLocalFileSystem()) {
      stock.initialize(URI.create("file:///"), conf);
      nio.initialize(URI.create("file:///"), conf);
      for (String name : new String[] {"stock", "nio"}) {
        FileSystem fs = name.equals("stock") ? stock : nio;
        fs.mkdirs(new org.apache.hadoop.fs.Path(tmp.resolve(name + "/dir").toUri()));
        try (FSDataOutputStream out =
            fs.create(new org.apache.hadoop.fs.Path(tmp.resolve(name + "/file").toUri()))) {
          out.write(1);
        }
      }
      for (String entry : new String[] {"dir", "file", ".file.crc"}) {
        assertEquals(permissions(tmp.resolve("stock/" + entry)),
            permissions(tmp.resolve("nio/" + entry)), entry);
      }
      for (short mode : new short[] {0600, 0640, 0755, 0700, 0444, 0}) {
        org.apache.hadoop.fs.Path file =
            new org.apache.hadoop.fs.Path(tmp.resolve("nio/file").toUri());
        nio.setPermission(file, new FsPermission(mode));
        assertEquals(new FsPermission(mode), stock.getFileStatus(file).getPermission());
      }
    }
  }

  @Test
  void sessionsUseItForLocalFiles() throws IOException {
    Configuration conf = SPARK.session().sparkContext().hadoopConfiguration();
    try (FileSystem fs = FileSystem.newInstance(URI.create("file:///"), conf)) {
      assertInstanceOf(NioLocalFileSystem.class, fs);
    }
  }

  private static String permissions(Path p) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }
}
