package org.overparam.report.internal;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Reads the report's outputs back: PNG through ImageIO, SVG as XML (no DTD fetched). */
final class Files2 {
    private Files2() {
    }

    /**
     * @param png a PNG file
     * @return it decoded
     */
    static BufferedImage png(Path png) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        if (image == null) {
            throw new IOException(png + " is not an image ImageIO can read");
        }
        return image;
    }

    /**
     * @param svg an SVG file
     * @return it parsed, without loading the external DTD its DOCTYPE names
     */
    static Document svg(Path svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        DocumentBuilder b = f.newDocumentBuilder();
        return b.parse(svg.toFile());
    }

    /**
     * @param doc an SVG document
     * @param rgb a stroke colour as SVG writes it, e.g. {@code rgb(31,119,180)}
     * @return the number of line, path and polyline elements stroked with it
     */
    static int stroked(Document doc, String rgb) {
        int n = 0;
        for (String tag : new String[] {"line", "path", "polyline"}) {
            NodeList list = doc.getElementsByTagNameNS("*", tag);
            for (int i = 0; i < list.getLength(); i++) {
                String style = ((Element) list.item(i)).getAttribute("style");
                if (style.contains("stroke:" + rgb)) {
                    n++;
                }
            }
        }
        return n;
    }
}
