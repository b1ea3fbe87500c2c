package org.winnow.jobs.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: Winnow's version and the Spark, Scala and Java it runs on. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {
      "winnow " + property("org/winnow/jobs/version.properties", "version"),
      "Spark " + property("spark-version-info.properties", "version")
          + " (Scala " + scala.util.Properties.versionNumberString() + ")",
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
    };
  }

  private static String property(String resource, String key) {
    try (InputStream in = VersionProvider.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty(key, "unknown");
    } catch (IOException e) {
      return "unknown (" + resource + ": " + e.getMessage() + ")";
    }
  }
}
