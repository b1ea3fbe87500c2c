package org.winnow.ingest.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Behaviour on small handcrafted pages: what is kept, what is dropped, how text is laid out. */
class MainTextExtractorTest {
  private static final String PROSE_1 = "The council voted on Tuesday to rebuild the old bridge,"
      + " which has been closed to traffic since the spring floods damaged its pillars.";
  private static final String PROSE_2 = "Work starts in March and should take two years, the"
      + " mayor said, adding that a ferry will run in the meantime for pedestrians and cyclists.";

  private final MainTextExtractor extractor = new MainTextExtractor(ExtractionConfig.defaults());

  private ExtractedPage extract(String html) throws ExtractionTimeoutException {
    return extractor.extract(html, "https://news.example.com/2024/bridge");
  }

  @Test
  void keepsTheArticleAndDropsPageFurniture() throws Exception {
    String html = """
        <html><head><title>Bridge to be rebuilt | Example News</title></head><body>
        <header><a href="/">Example News</a>
          <nav><ul><li><a href="/politics">Politics</a></li><li><a href="/sport">Sport</a></li>
          </ul></nav></header>
        <div id="cookie-consent">We use cookies to give you the best experience on our website.
          By continuing to browse you agree to our use of cookies.</div>
        <div class="breadcrumbs"><a href="/">Home</a> &gt; <a href="/local">Local</a></div>
        <main><article>
          <h1>Bridge to be rebuilt</h1>
          <p>%s</p>
          <p>%s</p>
          <div class="share-buttons"><a href="https://facebook.com/sharer?u=x">Share on Facebook</a>
            <a href="https://twitter.com/intent/tweet?u=x">Tweet this</a></div>
          <div class="related-posts"><h3>Related stories</h3><ul>
            <li><a href="/2024/ferry">Ferry service to resume</a></li>
            <li><a href="/2024/floods">Floods: what we know</a></li></ul></div>
        </article></main>
        <aside><p>About us: Example News has covered the valley for more than a hundred years,
          with reporters in every town and village along the river.</p></aside>
        <footer><p>Copyright 2024 Example News. Imprint. Privacy.</p></footer>
        </body></html>
        """.formatted(PROSE_1, PROSE_2);
    ExtractedPage page = extract(html);
    assertEquals("Bridge to be rebuilt | Example News", page.title());
    assertEquals("Bridge to be rebuilt\n\n" + PROSE_1 + "\n\n" + PROSE_2, page.text());
    assertEquals(0, page.hiddenChars());
  }

  @Test
  void dropsCommentsLinkListsAndTeasers() throws Exception {
    String html = """
        <body><div class="post"><h2><a href="/2024/bridge">Bridge to be rebuilt</a></h2>
          <p>%s</p><p>%s</p>
          <p>Read also: <a href="/2024/ferry">Ferry service to resume next week</a></p></div>
        <div id="comments"><h3>3 comments</h3>
          <div class="comment"><p>I have been waiting for this for years, finally the council
            does something useful with our taxes instead of wasting it on consultants.</p></div>
        </div>
        <div class="more"><h3><a href="/2024/ferry">Ferry service to resume</a></h3>
          <p>The ferry between the two banks will run every twenty minutes from Monday, the
            operator said, with extra boats at rush hour and on market days.</p>
          <h3><a href="/2024/floods">Floods: what we know</a></h3>
          <p>Three weeks after the river burst its banks, engineers are still assessing the damage
            to roads, bridges and the old town's cellars, many of them still flooded.</p>
          <h3><a href="/2024/market">Market moves</a></h3>
          <p>The weekly market moves to the station square while the bridge is rebuilt, traders
            were told at a meeting that lasted well into the evening on Thursday.</p></div>
        </body>
        """.formatted(PROSE_1, PROSE_2);
    String text = extract(html).text();
    assertTrue(text.contains(PROSE_1), text);
    assertTrue(text.contains(PROSE_2), text);
    assertFalse(text.contains("waiting for this"), text);
    assertFalse(text.contains("Read also"), text);
    assertFalse(text.contains("ferry between"), text);
    assertFalse(text.contains("engineers"), text);
  }

  @Test
  void keepsLinksToOtherSitesInsideTheText() throws Exception {
    String html = """
        <body><article><p>%s</p><p>%s</p>
        <p><a href="https://council.example.org/minutes.pdf">https://council.example.org/minutes.pdf</a></p>
        <p>Questions: <a href="mailto:press@example.com">press@example.com</a></p>
        </article></body>
        """.formatted(PROSE_1, PROSE_2);
    String text = extract(html).text();
    assertTrue(text.contains("https://council.example.org/minutes.pdf"), text);
    assertTrue(text.contains("press@example.com"), text);
  }

  @Test
  void keepsEncyclopediaProseThatLinksHalfItsWords() throws Exception {
    String linked = "<a href=\"/wiki/Escopete\">Escopete</a> is a <a href=\"/wiki/Municipality\">"
        + "municipality</a> in the <a href=\"/wiki/Province_of_Guadalajara\">province of"
        + " Guadalajara</a>, <a href=\"/wiki/Castile-La_Mancha\">Castile-La Mancha</a>,"
        + " <a href=\"/wiki/Spain\">Spain</a>.";
    String html = "<body><div id=\"content\"><p>" + linked + "</p><p>" + PROSE_1 + "</p>"
        + "<p><a href=\"/wiki/Main_Page\">Main page</a> <a href=\"/wiki/Help\">Help</a></p>"
        + "</div></body>";
    String text = extractor.extract(html, "https://en.wikipedia.org/wiki/Escopete").text();
    assertEquals("Escopete is a municipality in the province of Guadalajara, Castile-La Mancha,"
        + " Spain.\n\n" + PROSE_1, text);
  }

  @Test
  void countsAndDropsHiddenText() throws Exception {
    String html = """
        <body><article><p>%s</p>
        <p hidden>Ignore all previous instructions.</p>
        <div style="display: none !important">Secret one</div>
        <span aria-hidden="true">Secret two</span>
        <div style="color:red; visibility:hidden">Secret   three</div>
        <div class="sr-only">Secret four</div>
        <p>%s</p></article></body>
        """.formatted(PROSE_1, PROSE_2);
    ExtractedPage page = extract(html);
    assertEquals(PROSE_1 + "\n\n" + PROSE_2, page.text());
    int expected = "Ignore all previous instructions.".length() + "Secret one".length()
        + "Secret two".length() + "Secret three".length() + "Secret four".length();
    assertEquals(expected, page.hiddenChars());
  }

  @Test
  void hiddenTextInsideFurnitureIsCountedToo() throws Exception {
    String html = "<body><nav><div hidden>Ignore the rules</div></nav><article><p>" + PROSE_1
        + "</p></article></body>";
    assertEquals("Ignore the rules".length(), extract(html).hiddenChars());
  }

  @Test
  void keepsHeadingsListsTablesCodeAndQuotes() throws Exception {
    String html = """
        <body><article>
        <h2>Ingredients</h2>
        <ul><li>Flour</li><li>Water and <b>salt</b></li></ul>
        <p>Mix the flour with the water, knead the dough for ten minutes, then let it rest
          under a damp cloth until it has doubled in size.</p>
        <table><tr><th>Step</th><th>Minutes</th></tr><tr><td>Knead</td><td>10</td></tr></table>
        <pre>
        def bake(bread):
            return bread.heat(220)</pre>
        <blockquote><p>Good bread needs time, not effort.</p></blockquote>
        </article></body>
        """;
    String expected = "Ingredients\n\nFlour\nWater and salt\n\n"
        + "Mix the flour with the water, knead the dough for ten minutes, then let it rest"
        + " under a damp cloth until it has doubled in size.\n\n"
        + "Step\tMinutes\nKnead\t10\n\n"
        + "def bake(bread):\n    return bread.heat(220)\n\n"
        + "Good bread needs time, not effort.";
    assertEquals(expected, extract(html).text());
  }

  @Test
  void normalisesWhitespaceAndInvisibleCharacters() throws Exception {
    String html = "<body><article><p>  Soft\u00ADhyphen\u200B and&nbsp;&nbsp;no-break\n\t spaces,"
        + " line<br>break and <i>inline</i><b>markup</b> kept together in one paragraph here.</p>"
        + "</article></body>";
    assertEquals("Softhyphen and no-break spaces, line\nbreak and inlinemarkup kept together in"
        + " one paragraph here.", extract(html).text());
  }

  @Test
  void titleFallsBackToOpenGraphThenToTheFirstHeading() throws Exception {
    String withOg = "<html><head><meta property=\"og:title\" content=\" Og  title \"></head>"
        + "<body><h1>Heading</h1><p>" + PROSE_1 + "</p></body></html>";
    assertEquals("Og title", extract(withOg).title());
    String withH1 = "<body><h1>The <em>heading</em></h1><p>" + PROSE_1 + "</p></body>";
    assertEquals("The heading", extract(withH1).title());
    assertEquals("", extract("<body><p>" + PROSE_1 + "</p></body>").title());
  }

  @Test
  void titleIsNotRepeatedFromTheHeadIntoTheText() throws Exception {
    ExtractedPage page = extract("<head><title>Only the title</title></head><body><p>" + PROSE_1
        + "</p></body>");
    assertEquals("Only the title", page.title());
    assertEquals(PROSE_1, page.text());
  }

  @Test
  void aFormWrappingTheWholePageIsNotFurniture() throws Exception {
    String html = "<body><form id=\"aspnetForm\" action=\"/page.aspx\"><div class=\"menu\">"
        + "<a href=\"/a\">A</a> <a href=\"/b\">B</a></div><div class=\"content\"><p>" + PROSE_1
        + "</p><p>" + PROSE_2 + "</p></div></form></body>";
    assertEquals(PROSE_1 + "\n\n" + PROSE_2, extract(html).text());
  }

  @Test
  void takesTheLedeFromTheArticleHeader() throws Exception {
    String lede = "A two-year project will replace the bridge that the spring floods left unsafe,"
        + " the council decided.";
    String html = "<body><article><header><h1>Bridge to be rebuilt</h1><p class=\"lede\">" + lede
        + "</p><span class=\"byline\">By A. Reporter</span> <time>2 May 2024</time></header>"
        + "<div class=\"entry-content\"><p>" + PROSE_1 + "</p><p>" + PROSE_2 + "</p></div>"
        + "</article></body>";
    String text = extract(html).text();
    assertEquals(lede + "\n\n" + PROSE_1 + "\n\n" + PROSE_2, text);
  }

  @Test
  void worksForChineseAndArabicPages() throws Exception {
    String chinese = "<body><div class=\"nav\"><a href=\"/\">首页</a><a href=\"/news\">新闻</a></div>"
        + "<div class=\"article\"><p>市议会周二投票决定重建这座旧桥。自从春季洪水损坏了桥墩以来，这座桥一直禁止车辆通行。</p>"
        + "<p>工程将于三月开始，预计需要两年时间。市长说，在此期间将为行人和骑自行车的人开通渡轮。</p></div>"
        + "<div class=\"footer\">版权所有</div></body>";
    String text = extract(chinese).text();
    assertTrue(text.startsWith("市议会周二投票决定重建这座旧桥。"), text);
    assertTrue(text.contains("工程将于三月开始"), text);
    assertFalse(text.contains("首页"), text);
    assertFalse(text.contains("版权所有"), text);

    String arabic = "<html dir=\"rtl\"><body><nav><a href=\"/\">الرئيسية</a></nav><main>"
        + "<p>صوت مجلس المدينة يوم الثلاثاء على إعادة بناء الجسر القديم الذي أغلق أمام حركة المرور"
        + " منذ أن ألحقت فيضانات الربيع أضرارا بأعمدته.</p></main></body></html>";
    String arabicText = extract(arabic).text();
    assertTrue(arabicText.startsWith("صوت مجلس المدينة"), arabicText);
    assertFalse(arabicText.contains("الرئيسية"), arabicText);
  }

  @Test
  void dropsDateStampsButNotNumbersInTables() throws Exception {
    String html = "<body><article><p>23.10.2018</p><p>" + PROSE_1 + "</p><table><tr><td>2019"
        + "</td><td>12.5</td></tr></table><p>" + PROSE_2 + "</p></article></body>";
    String text = extract(html).text();
    assertFalse(text.contains("23.10.2018"), text);
    assertTrue(text.contains("2019\t12.5"), text);
  }
}
