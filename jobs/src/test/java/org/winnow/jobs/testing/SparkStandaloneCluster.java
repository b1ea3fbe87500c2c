package org.winnow.jobs.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.launcher.JavaModuleOptions;

/**
 * A Spark standalone cluster on 127.0.0.1 made of the Maven jars alone: a Master and one Worker,
 * each its own JVM. Spark's scripts expect a {@code SPARK_HOME}; a temporary one whose
 * {@code jars/} links to the classpath's jars stands in for an installation, and
 * {@code SPARK_SCALA_VERSION} spares the Worker from looking for a source build when it launches
 * executors.
 */
public final class SparkStandaloneCluster implements AutoCloseable {
  private static final Pattern ALIVE_WORKERS = Pattern.compile("\"aliveworkers\"\\s*:\\s*(\\d+)");
  private static final String HOST = "127.0.0.1";

  private final Path dir;
  private final String classpath;
  private final Path sparkHome;
  private final int masterPort;
  private final int masterUiPort;
  private final List<Process> processes = new ArrayList<>();

  private SparkStandaloneCluster(Path dir, String classpath) throws IOException {
    this.dir = dir;
    this.classpath = classpath;
    this.sparkHome = linkSparkHome(dir.resolve("spark-home"), classpath);
    this.masterPort = freePort();
    this.masterUiPort = freePort();
  }

  /**
   * Starts a Master and a Worker with {@code cores} cores and {@code memory} (e.g. "1g") for
   * executors, and waits until the Worker has registered.
   */
  public static SparkStandaloneCluster start(
      Path dir, String sparkClasspath, int cores, String memory, Duration timeout)
      throws IOException, InterruptedException {
    SparkStandaloneCluster c = new SparkStandaloneCluster(dir, sparkClasspath);
    try {
      c.launch("master", List.of("-Xmx256m", "org.apache.spark.deploy.master.Master",
          "--host", HOST, "--port", Integer.toString(c.masterPort),
          "--webui-port", Integer.toString(c.masterUiPort)));
      c.launch("worker", List.of("-Xmx256m", "org.apache.spark.deploy.worker.Worker", c.masterUrl(),
          "--host", HOST, "--cores", Integer.toString(cores), "--memory", memory,
          "--webui-port", Integer.toString(freePort()),
          "--work-dir", dir.resolve("worker-work").toString()));
      c.awaitWorkers(1, timeout);
      return c;
    } catch (IOException | InterruptedException | RuntimeException e) {
      c.close();
      throw e;
    }
  }

  public String masterUrl() {
    return "spark://" + HOST + ":" + masterPort;
  }

  /** The Worker's directory for executors: {@code app-<id>/<executor>/stderr} per executor. */
  public Path workerWorkDir() {
    return dir.resolve("worker-work");
  }

  /** The JVM flags Spark needs on Java 17, as Spark's own launcher lists them. */
  public static List<String> moduleOptions() {
    return Arrays.asList(JavaModuleOptions.defaultModuleOptionArray());
  }

  /** Runs {@code mainClass} with Spark's classpath in a new JVM, output to {@code <name>.log}. */
  public Process launch(String name, List<String> args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(moduleOptions());
    cmd.add("-cp");
    cmd.add(classpath);
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd)
        .redirectErrorStream(true)
        .redirectOutput(log(name).toFile());
    Map<String, String> env = pb.environment();
    env.put("SPARK_HOME", sparkHome.toString());
    env.put("SPARK_SCALA_VERSION", "2.13");
    env.put("SPARK_LOCAL_IP", HOST);
    env.put("SPARK_LOCAL_HOSTNAME", "localhost");
    Process p = pb.start();
    processes.add(p);
    return p;
  }

  public Path log(String name) {
    return dir.resolve(name + ".log");
  }

  /** The last lines of every log, for a failure message. */
  public String logTails() {
    StringBuilder sb = new StringBuilder();
    try (var files = Files.walk(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".log") || p.endsWith("stderr")).toList()) {
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        sb.append("\n==> ").append(f).append(" <==\n");
        // The first errors explain a failure; the tail shows how far the process got.
        lines.stream().filter(l -> l.contains("Exception") || l.startsWith("Caused by"))
            .limit(10).forEach(l -> sb.append("! ").append(l).append('\n'));
        lines.subList(Math.max(0, lines.size() - 40), lines.size())
            .forEach(l -> sb.append(l).append('\n'));
      }
    } catch (IOException e) {
      sb.append("(cannot read logs: ").append(e).append(")");
    }
    return sb.toString();
  }

  /** Stops the Worker, its executors and the Master. */
  @Override
  public void close() {
    for (int i = processes.size() - 1; i >= 0; i--) {
      Process p = processes.get(i);
      List<ProcessHandle> children = p.descendants().toList();
      p.destroy();
      children.forEach(ProcessHandle::destroy);
      try {
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
          p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        p.destroyForcibly();
      }
      children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
    processes.clear();
  }

  private void awaitWorkers(int n, Duration timeout) throws InterruptedException, IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      for (Process p : processes) {
        if (!p.isAlive()) {
          throw new IllegalStateException("a cluster process exited with " + p.exitValue()
              + " while starting" + logTails());
        }
      }
      last = masterJson();
      Matcher m = ALIVE_WORKERS.matcher(last);
      if (m.find() && Integer.parseInt(m.group(1)) >= n) {
        return;
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("no worker registered with " + masterUrl() + " within "
        + timeout + "; master said: " + last + logTails());
  }

  private String masterJson() {
    try {
      HttpURLConnection c = (HttpURLConnection)
          URI.create("http://" + HOST + ":" + masterUiPort + "/json/").toURL().openConnection();
      c.setConnectTimeout(1000);
      c.setReadTimeout(2000);
      try (InputStream in = c.getInputStream()) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } finally {
        c.disconnect();
      }
    } catch (IOException e) {
      return "(master web UI not up: " + e.getMessage() + ")";
    }
  }

  private static Path linkSparkHome(Path home, String classpath) throws IOException {
    Path jars = Files.createDirectories(home.resolve("jars"));
    Set<String> names = new HashSet<>();
    for (String entry : classpath.split(java.io.File.pathSeparator)) {
      if (entry.isBlank() || !entry.endsWith(".jar")) {
        continue;
      }
      Path jar = Path.of(entry);
      String name = jar.getFileName().toString();
      if (!names.add(name)) {
        name = names.size() + "-" + name;
        names.add(name);
      }
      Files.createSymbolicLink(jars.resolve(name), jar.toAbsolutePath());
    }
    Files.createDirectories(home.resolve("conf"));
    return home;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      return s.getLocalPort();
    }
  }
}
