package dev.salesmetrics.dashboard.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.base.Splitter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** Parses SVG text as XML (so it must be well formed) and checks what every chart must have. */
public final class Svg {
  private Svg() {}

  /** Parses one SVG document; fails the test if it is not well-formed XML. */
  public static Document parse(String svg) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      DocumentBuilder b = f.newDocumentBuilder();
      return b.parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    } catch (ParserConfigurationException | SAXException | IOException e) {
      throw new AssertionError("not well-formed SVG: " + e.getMessage() + "\n" + svg, e);
    }
  }

  /** The elements of {@code doc} whose class attribute contains {@code cls} as a word. */
  public static List<Element> byClass(Document doc, String cls) {
    List<Element> out = new ArrayList<>();
    NodeList all = doc.getElementsByTagName("*");
    for (int i = 0; i < all.getLength(); i++) {
      Element e = (Element) all.item(i);
      for (String c : Splitter.on(' ').split(e.getAttribute("class"))) {
        if (c.equals(cls)) {
          out.add(e);
        }
      }
    }
    return out;
  }

  /** The text of the {@code <title>} child of {@code e}, or null when it has none. */
  public static String titleOf(Element e) {
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element c && c.getTagName().equals("title")) {
        return c.getTextContent();
      }
    }
    return null;
  }

  /**
   * Checks the accessible frame: a root {@code <svg role="img">} labelled by its first {@code
   * <title>} and {@code <desc>} children.
   */
  public static void assertAccessible(Document doc, String title) {
    Element root = doc.getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("svg");
    assertThat(root.getAttribute("role")).isEqualTo("img");
    String id = root.getAttribute("id");
    assertThat(root.getAttribute("aria-labelledby")).isEqualTo(id + "-title " + id + "-desc");
    NodeList titles = root.getElementsByTagName("title");
    assertThat(((Element) titles.item(0)).getAttribute("id")).isEqualTo(id + "-title");
    assertThat(titles.item(0).getTextContent()).isEqualTo(title);
    NodeList descs = root.getElementsByTagName("desc");
    assertThat(descs.getLength()).isEqualTo(1);
    assertThat(((Element) descs.item(0)).getAttribute("id")).isEqualTo(id + "-desc");
    assertThat(descs.item(0).getTextContent()).isNotBlank();
  }
}
