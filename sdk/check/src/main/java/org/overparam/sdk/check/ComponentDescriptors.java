package org.overparam.sdk.check;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the Declarative Services descriptors of a jar: the XML files its {@code Service-Component}
 * header names (a path may end in a {@code *.xml} pattern), each holding one or more
 * {@code component} elements with their {@code property}, {@code service/provide} and
 * {@code implementation} (OSGi Compendium, Declarative Services, section 112.4). DTDs and external
 * entities are refused.
 */
final class ComponentDescriptors {
    /**
     * One component element.
     *
     * @param file the descriptor's path in the jar
     * @param name the component's name
     * @param implementation its implementation class
     * @param provides the service interfaces it provides
     * @param properties its single-valued properties ({@code value} attribute or body text)
     */
    record Descriptor(String file, String name, String implementation, List<String> provides,
                      Map<String, String> properties) {
        /** Copies the collections. */
        Descriptor {
            provides = List.copyOf(provides);
            properties = Map.copyOf(properties);
        }
    }

    private ComponentDescriptors() {
    }

    /**
     * @param jar the plugin jar
     * @param header its {@code Service-Component} header, or {@code null}
     * @return the components in header order
     * @throws IOException if a named descriptor is missing or is not well-formed XML (the message
     *     names the file)
     */
    static List<Descriptor> read(JarFile jar, String header) throws IOException {
        List<Descriptor> out = new ArrayList<>();
        for (String path : paths(jar, header)) {
            JarEntry entry = jar.getJarEntry(path);
            if (entry == null) {
                throw new IOException("Service-Component names " + path + ", which is not in the jar");
            }
            try (InputStream in = jar.getInputStream(entry)) {
                Document doc = builder().parse(in);
                for (Element e : components(doc)) {
                    out.add(descriptor(path, e));
                }
            } catch (SAXException | ParserConfigurationException e) {
                throw new IOException(path + " is not a readable component descriptor: " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static Set<String> paths(JarFile jar, String header) {
        Set<String> paths = new LinkedHashSet<>();
        for (HeaderClauses.Clause clause : HeaderClauses.parse(header)) {
            for (String p : clause.paths()) {
                int star = p.lastIndexOf('*');
                if (star < 0) {
                    paths.add(p);
                    continue;
                }
                String dir = p.substring(0, p.lastIndexOf('/') + 1);
                String prefix = p.substring(dir.length(), star);
                String suffix = p.substring(star + 1);
                jar.stream().map(JarEntry::getName)
                        .filter(n -> n.startsWith(dir) && n.indexOf('/', dir.length()) < 0)
                        .filter(n -> n.substring(dir.length()).startsWith(prefix) && n.endsWith(suffix))
                        .sorted().forEach(paths::add);
            }
        }
        return paths;
    }

    private static DocumentBuilder builder() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setExpandEntityReferences(false);
        DocumentBuilder b = f.newDocumentBuilder();
        b.setErrorHandler(new DefaultHandler());
        return b;
    }

    private static List<Element> components(Document doc) {
        List<Element> out = new ArrayList<>();
        Element root = doc.getDocumentElement();
        if ("component".equals(root.getLocalName())) {
            out.add(root);
            return out;
        }
        for (Element child : children(root, "component")) {
            out.add(child);
        }
        return out;
    }

    private static Descriptor descriptor(String file, Element e) {
        String implementation = children(e, "implementation").stream().map(i -> i.getAttribute("class"))
                .findFirst().orElse("");
        List<String> provides = new ArrayList<>();
        for (Element service : children(e, "service")) {
            for (Element p : children(service, "provide")) {
                provides.add(p.getAttribute("interface"));
            }
        }
        Map<String, String> properties = new LinkedHashMap<>();
        for (Element p : children(e, "property")) {
            String value = p.hasAttribute("value") ? p.getAttribute("value") : p.getTextContent().strip();
            properties.put(p.getAttribute("name"), value);
        }
        return new Descriptor(file, e.getAttribute("name"), implementation, provides, properties);
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element child && localName.equals(child.getLocalName())) {
                out.add(child);
            }
        }
        return out;
    }
}
