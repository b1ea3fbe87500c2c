package org.winnow.jobs.quickstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.winnow.jobs.crawl.site.LoopbackSite;

/** The quick start's site keeps its URLs from run to run, and still starts when its port is busy. */
class QuickstartSiteTest {
  private static final List<LoopbackSite.Page> PAGES =
      List.of(LoopbackSite.Page.html("/a.html", "<p>a</p>"));

  private static List<String> origins() throws IOException {
    try (LoopbackSite site = QuickstartSite.serve(PAGES, new PrintWriter(new StringWriter()))) {
      return site.origins();
    }
  }

  @Test
  void twoRunsServeTheSameUrls() throws IOException {
    assumeTrue(free(QuickstartSite.PORT), "port " + QuickstartSite.PORT + " is taken here");
    List<String> first = origins();
    assertEquals(List.of("http://" + QuickstartSite.HOST + ":" + QuickstartSite.PORT), first);
    assertEquals(first, origins());
  }

  @Test
  void aBusyPortGivesAnotherAndSaysSo() throws IOException {
    assumeTrue(free(QuickstartSite.PORT), "port " + QuickstartSite.PORT + " is taken here");
    try (ServerSocket taken = new ServerSocket(QuickstartSite.PORT, 1,
        InetAddress.getByName(QuickstartSite.HOST))) {
      StringWriter said = new StringWriter();
      try (LoopbackSite site = QuickstartSite.serve(PAGES, new PrintWriter(said, true))) {
        assertNotEquals("http://" + QuickstartSite.HOST + ":" + QuickstartSite.PORT,
            site.origins().get(0));
      }
      assertTrue(said.toString().contains("is busy"), said.toString());
    }
  }

  private static boolean free(int port) {
    try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getByName(QuickstartSite.HOST))) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
