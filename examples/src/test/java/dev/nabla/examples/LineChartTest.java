package dev.nabla.examples;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SVG charts the examples write are well-formed XML with one polyline per series. */
class LineChartTest {
    static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aChartIsWellFormedSvgWithEveryFinitePoint() throws Exception {
        String svg = new LineChart("loss <training>", "step", "loss & more")
                .add("raw", new double[] {0, 1, 2, 3}, new double[] {4, 2, Double.NaN, 1})
                .add("smoothed", new double[] {0, 1, 2, 3}, new double[] {4, 3, 2, 1})
                .svg();
        Document doc = parse(svg);
        assertEquals("svg", doc.getDocumentElement().getTagName());
        NodeList lines = doc.getElementsByTagName("polyline");
        assertEquals(2, lines.getLength());
        assertEquals(3, ((Element) lines.item(0)).getAttribute("points").split(" ").length, "the NaN point is skipped");
        assertEquals(4, ((Element) lines.item(1)).getAttribute("points").split(" ").length);
        assertTrue(svg.contains("loss &lt;training&gt;"));
    }

    @Test
    void logScaleSkipsNonPositiveXAndMarksTheSuggestion() throws Exception {
        Path file = Files.createTempDirectory("chart").resolve("sub/lr.svg");
        new LineChart("lr", "lr", "loss").logX()
                .add("loss", new double[] {0, 1e-4, 1e-3, 1e-2}, new double[] {1, 0.9, 0.5, 3})
                .mark(1e-3)
                .write(file);
        Document doc = parse(Files.readString(file));
        Element line = (Element) doc.getElementsByTagName("polyline").item(0);
        assertEquals(3, line.getAttribute("points").split(" ").length);
        boolean dashed = false;
        NodeList all = doc.getElementsByTagName("line");
        for (int i = 0; i < all.getLength(); i++) dashed |= ((Element) all.item(i)).hasAttribute("stroke-dasharray");
        assertTrue(dashed, "the suggested rate is marked");
    }
}
