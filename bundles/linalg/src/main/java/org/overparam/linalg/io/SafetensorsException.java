package org.overparam.linalg.io;

import java.io.IOException;

/**
 * A file that is not valid safetensors, or a tensor this reader cannot decode. The message is one
 * line that names the file and, where one is at fault, the tensor.
 */
public class SafetensorsException extends IOException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, one line */
    public SafetensorsException(String message) {
        super(message);
    }
}
