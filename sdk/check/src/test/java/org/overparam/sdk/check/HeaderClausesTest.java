package org.overparam.sdk.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Manifest headers as bnd writes them, and the quoting corner cases. */
class HeaderClausesTest {
    @Test
    void importPackageAsBndWritesIt() {
        List<HeaderClauses.Clause> c = HeaderClauses.parse("org.overparam.api;version=\"[1.1,2)\",org.overparam.linalg;"
                + "version=\"[1.0,2)\",jdk.incubator.vector;resolution:=optional");
        assertEquals(3, c.size());
        assertEquals(List.of("org.overparam.api"), c.get(0).paths());
        assertEquals(Map.of("version", "[1.1,2)"), c.get(0).attributes());
        assertEquals(Map.of("resolution", "optional"), c.get(2).directives());
        assertEquals(Map.of(), c.get(2).attributes());
    }

    @Test
    void severalPathsTypedAttributesAndQuotedSeparators() {
        List<HeaderClauses.Clause> c = HeaderClauses.parse(" a.b ; c.d ;version:Version=\"1.2\"; uses:=\"x,y;z\" ,e");
        assertEquals(2, c.size());
        assertEquals(List.of("a.b", "c.d"), c.get(0).paths());
        assertEquals(Map.of("version", "1.2"), c.get(0).attributes());
        assertEquals(Map.of("uses", "x,y;z"), c.get(0).directives());
        assertEquals(List.of("e"), c.get(1).paths());
    }

    @Test
    void emptyHeaders() {
        assertEquals(List.of(), HeaderClauses.parse(null));
        assertEquals(List.of(), HeaderClauses.parse("  "));
    }
}
