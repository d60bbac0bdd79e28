package org.overparam.engine.internal.folder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overparam.api.ComponentKind;
import org.overparam.api.store.ComponentOrigin;
import org.overparam.api.store.Provenance;

/** provenance.json read back for a resume: exact strings, and the swaps after the checkpoint left out. */
class ProvenanceFileTest {
    @TempDir
    Path folder;

    static final String SWAP3 = "{\"step\": 3, \"kind\": \"optimizer\", \"why\": \"request\", \"from\": {\"name\": \"gd\","
            + " \"bundle\": \"b.gd\", \"version\": \"1.0.0\", \"sha256\": \"aa\", \"config\": \"{lr=0.45}\"}, \"to\":"
            + " {\"name\": \"adam\", \"bundle\": \"b.adam\", \"version\": \"1.0.0\", \"sha256\": \"0123456789abcdef\","
            + " \"config\": \"{beta1=0.9, lr=0.45}\"}}";
    static final String SWAP9 = SWAP3.replace("\"step\": 3", "\"step\": 9");

    @Test
    void readsBackWhatItWroteAndDropsSwapsAfterTheCheckpoint() throws IOException {
        Provenance p = new Provenance("host \"q\"\\x\u0001", "Linux", 2, "V", "17.0.1", "OpenBLAS", "0.1.0", List.of(
                new ComponentOrigin(ComponentKind.OPTIMIZER, "gd", "b.gd", "1.0.0", "aa"),
                new ComponentOrigin(ComponentKind.OPTIMIZER, "adam@3", "b.adam", "1.0.0", "0123456789abcdef"),
                new ComponentOrigin(ComponentKind.OPTIMIZER, "adam@9", "b.adam", "1.0.0", "0123456789abcdef")));
        Files.writeString(folder.resolve("provenance.json"), ProvenanceJson.of(p, List.of(SWAP3, SWAP9),
                List.of("{\"step\": 2}")));

        ProvenanceFile.Kept all = ProvenanceFile.read(folder, 9);
        assertEquals(p, all.provenance());
        assertEquals(List.of(SWAP3, SWAP9), all.swaps());
        assertEquals(List.of("{\"step\": 2}"), all.resumes());
        assertEquals(ProvenanceJson.of(p, List.of(SWAP3, SWAP9), List.of("{\"step\": 2}")),
                ProvenanceJson.of(all.provenance(), all.swaps(), all.resumes()), "written again byte for byte");

        ProvenanceFile.Kept upTo5 = ProvenanceFile.read(folder, 5);
        assertEquals(List.of(SWAP3), upTo5.swaps());
        assertEquals(List.of("gd", "adam@3"), upTo5.provenance().components().stream().map(ComponentOrigin::name)
                .toList());
        ProvenanceFile.Kept fromStart = ProvenanceFile.read(folder, -1);
        assertEquals(List.of(), fromStart.swaps());
        assertEquals(List.of("gd"), fromStart.provenance().components().stream().map(ComponentOrigin::name).toList());

        assertEquals("step 3: optimizer gd -> adam (request; b.adam 1.0.0, jar sha256 0123456789ab)",
                ProvenanceFile.describe(SWAP3));
    }

    @Test
    void aMissingOrForeignFileIsNotRead() throws IOException {
        assertNull(ProvenanceFile.read(folder, 5));
        Files.writeString(folder.resolve("provenance.json"), "{\"host\": \"x\"}\n");
        assertNull(ProvenanceFile.read(folder, 5));
    }
}
