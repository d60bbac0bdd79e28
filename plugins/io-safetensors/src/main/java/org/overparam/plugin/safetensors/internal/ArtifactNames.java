package org.overparam.plugin.safetensors.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.overparam.api.InvalidInputException;

/**
 * The file names an analyzer of this plugin writes at one analysis: {@code <prefix>-init.<ext>} at
 * step 0, {@code <prefix>-step<k>.<ext>} at a scheduled step {@code k > 0} and
 * {@code <prefix>-final.<ext>} after the last step (a run of zero steps gets both init and final).
 * The prefix is the analyzer's {@code filePrefix}; two instances of one analyzer in a run must have
 * different prefixes (the experiment reader refuses the same one twice).
 */
final class ArtifactNames {
    /** What a prefix may hold: a plain file name, no folders, not hidden. */
    static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");

    private ArtifactNames() {
    }

    /**
     * @param prefix the {@code filePrefix} parameter
     * @return it, checked
     * @throws InvalidInputException naming {@code filePrefix} if it is not a plain file-name prefix
     */
    static String prefix(String prefix) {
        if (!PREFIX.matcher(prefix).matches()) {
            throw new InvalidInputException("filePrefix", "'" + prefix + "' is not a plain file-name prefix (letters,"
                    + " digits, '_', '-' and '.', not first)");
        }
        return prefix;
    }

    /**
     * @param prefix a checked prefix
     * @param step the analysis' step
     * @param isFinal whether it is the run's last analysis
     * @param extension e.g. {@code safetensors}
     * @return the names to write, in order
     */
    static List<String> at(String prefix, long step, boolean isFinal, String extension) {
        List<String> names = new ArrayList<>(2);
        if (step == 0) {
            names.add(prefix + "-init." + extension);
        } else if (!isFinal) {
            names.add(prefix + "-step" + step + "." + extension);
        }
        if (isFinal) {
            names.add(prefix + "-final." + extension);
        }
        return names;
    }
}
