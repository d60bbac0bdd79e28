package org.overparam.cluster.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The progress of a run under way as it goes into {@link Maps#live}: who shipped it (the member's id,
 * which the coordinator compares with the run's claim, its run store tag and its process id, which the
 * coordinator writes into the copy's {@code run.lock} so that {@code runs} on the worker's host tells a
 * live worker from a dead one) and the run folder, zipped ({@link FolderZip}), its metrics.csv from the
 * offset the coordinator has. As bytes: one UTF-8 line {@code holder TAB tag TAB pid TAB from LF}, then the zip.
 *
 * @param holder the shipping member's id
 * @param tag its run store tag ({@link MemberInfo#tag})
 * @param pid its process id
 * @param from the byte offset of metrics.csv the zip's metrics.csv starts at: the bytes the coordinator
 *     acknowledged having ({@link Maps#liveAck}), so that each shipment holds only the rows it lacks
 * @param zip the folder
 */
record LiveShipment(String holder, String tag, long pid, long from, byte[] zip) {
    /** @return the bytes to put into the map */
    byte[] encode() {
        byte[] head = (holder + "\t" + tag + "\t" + pid + "\t" + from + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] out = Arrays.copyOf(head, head.length + zip.length);
        System.arraycopy(zip, 0, out, head.length, zip.length);
        return out;
    }

    /**
     * @param bytes what {@link #encode} made
     * @return the shipment
     * @throws IllegalArgumentException if the bytes are not one
     */
    static LiveShipment decode(byte[] bytes) {
        int nl = 0;
        while (nl < bytes.length && bytes[nl] != '\n') {
            nl++;
        }
        String[] f = new String(bytes, 0, Math.min(nl, bytes.length), StandardCharsets.UTF_8).split("\t");
        if (nl == bytes.length || f.length != 4 || !f[2].matches("\\d{1,18}") || !f[3].matches("\\d{1,18}")) {
            throw new IllegalArgumentException("not a progress shipment (no 'holder TAB tag TAB pid TAB from' line"
                    + " first)");
        }
        return new LiveShipment(f[0], f[1], Long.parseLong(f[2]), Long.parseLong(f[3]),
                Arrays.copyOfRange(bytes, nl + 1, bytes.length));
    }
}
