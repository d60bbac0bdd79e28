package org.overparam.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The JSON string escaping of the exports, character by character. */
class JsonWriterTest {
    @Test
    void quotesAndBackslashesGetABackslashAndControlCharactersTheirEscapes() {
        assertEquals("\"a\\\"b\\\\c\"", JsonWriter.quote("a\"b\\c"));
        assertEquals("\"\\n\\r\\t\"", JsonWriter.quote("\n\r\t"));
        assertEquals("\"\\u0000\\u0001\\u001f \"", JsonWriter.quote("\0\1\37 "));
        assertEquals("\"é/€<>&'\"", JsonWriter.quote("é/€<>&'"));
    }
}
