package org.alignscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The build's lists of artifacts agree: {@code alignscope-bom} lists exactly the modules of the parent POM (so a
 * project importing the BOM gets a version for each, and none for an artifact that is not built), and the parent's
 * dependency management names no artifact that no module builds.
 */
class BuildLayoutTest {
    private static final Path ROOT = Path.of("..");

    private static Document read(Path pom) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
    }

    /** The text of the direct children named {@code name} of each element named {@code parent}. */
    private static List<String> texts(Document d, String parent, String name) {
        List<String> out = new ArrayList<>();
        NodeList ps = d.getElementsByTagName(parent);
        for (int i = 0; i < ps.getLength(); i++) {
            NodeList cs = ((Element) ps.item(i)).getChildNodes();
            for (int j = 0; j < cs.getLength(); j++) {
                if (cs.item(j) instanceof Element e && e.getTagName().equals(name)) {
                    out.add(e.getTextContent().trim());
                }
            }
        }
        return out;
    }

    /** The artifactIds of the org.alignscope dependencies listed under dependencyManagement. */
    private static TreeSet<String> managed(Document d) {
        TreeSet<String> out = new TreeSet<>();
        NodeList deps = ((Element) d.getElementsByTagName("dependencyManagement").item(0))
                .getElementsByTagName("dependency");
        for (int i = 0; i < deps.getLength(); i++) {
            Element dep = (Element) deps.item(i);
            if (dep.getElementsByTagName("groupId").item(0).getTextContent().trim().equals("org.alignscope")) {
                out.add(dep.getElementsByTagName("artifactId").item(0).getTextContent().trim());
            }
        }
        return out;
    }

    @Test
    void theBomListsEveryModuleAndNothingElse() throws Exception {
        Document parent = read(ROOT.resolve("pom.xml"));
        TreeSet<String> built = new TreeSet<>();
        for (String module : texts(parent, "modules", "module")) {
            Document pom = read(ROOT.resolve(module).resolve("pom.xml"));
            String artifact = texts(pom, "project", "artifactId").get(0);
            if (!artifact.equals("alignscope-bom")) {
                built.add(artifact);
            }
        }
        assertEquals(built, managed(read(ROOT.resolve("bom").resolve("pom.xml"))), "bom/pom.xml");
        TreeSet<String> stale = managed(parent);
        stale.removeAll(built);
        assertEquals(new TreeSet<>(), stale, "the parent pom manages artifacts that no module builds");
    }
}
