package org.overparam.cluster.internal;

import java.nio.file.Path;

/**
 * What a member ships of a run folder: while it runs, its metrics so far ({@link #live}); at each checkpoint, the folder without {@code artifacts/}; at
 * the end, the whole folder, or without {@code artifacts/} when it is over the size limit (the note
 * says so, and the coordinator prints it), or nothing but the note when even that is over the limit.
 *
 * @param limit the most bytes one shipment may have
 */
record Shipping(long limit) {
    /** System property: the most bytes a shipped run folder may have (default 64 MiB). */
    static final String LIMIT_PROPERTY = "overparam.cluster.shipLimit";
    private static final long DEFAULT_LIMIT = 64L << 20;
    private static final String ARTIFACTS = "artifacts/";
    private static final String CHECKPOINT = "checkpoint/";
    private static final String RESULT = "result.json";

    /** @return the limit from {@value #LIMIT_PROPERTY}, else 64 MiB */
    static Shipping fromSystem() {
        String v = System.getProperty(LIMIT_PROPERTY);
        try {
            return new Shipping(v == null || v.isBlank() ? DEFAULT_LIMIT : Long.parseLong(v.strip()));
        } catch (NumberFormatException e) {
            return new Shipping(DEFAULT_LIMIT);
        }
    }

    /**
     * Ships a run's folder at a checkpoint (a folder over the limit is not shipped: the run would restart
     * from its pinned spec elsewhere).
     *
     * @param maps the cluster's state
     * @param key the run's key
     * @param folder its folder
     */
    void checkpoint(Maps maps, String key, Path folder) {
        try {
            maps.checkpoints.set(key, FolderZip.zip(folder, name -> !name.startsWith(ARTIFACTS), limit));
        } catch (FolderZip.TooLarge e) {
            maps.checkpoints.delete(key);
        }
    }

    /**
     * Ships the folder of a run under way, without {@code checkpoint/}, {@code artifacts/} and
     * {@code result.json}, for the coordinator to record its progress: of its metrics.csv only the rows
     * after those the coordinator acknowledged having from this member ({@link Maps#liveAck}; all of them the
     * first time, or when a shipment was lost), cut at the end of its last whole row (a folder over the limit
     * is not shipped until the run ends).
     *
     * @param maps the cluster's state
     * @param key the run's key
     * @param folder its folder
     * @param holder this member's id (the coordinator records the progress only while it holds the claim)
     * @param member this member
     */
    void live(Maps maps, String key, Path folder, String holder, MemberInfo member) {
        try {
            String[] ack = String.valueOf(maps.liveAck.get(key)).split("\t");
            long from = ack.length == 3 && ack[0].equals(holder) && ack[1].equals(folder.getFileName().toString())
                    ? Long.parseLong(ack[2]) : 0;
            byte[] zip = FolderZip.zip(folder, name -> !name.startsWith(ARTIFACTS) && !name.startsWith(CHECKPOINT)
                    && !name.equals(RESULT), limit, from);
            maps.live.set(key, new LiveShipment(holder, member.tag(), member.pid(), from, zip).encode());
        } catch (FolderZip.TooLarge | java.io.UncheckedIOException e) {
            // over the limit, or the folder went (the run ended): its rows reach the coordinator at its end
        }
    }

    /**
     * Ships a finished run's folder to the results (the first result of a key wins) and who ran it.
     *
     * @param maps the cluster's state
     * @param key the run's key
     * @param folder its folder
     * @param member this member
     */
    void result(Maps maps, String key, Path folder, MemberInfo member) {
        String note = "";
        byte[] zip;
        try {
            zip = FolderZip.zip(folder, name -> true, limit);
        } catch (FolderZip.TooLarge e) {
            note = "; artifacts/ not shipped: the run folder has over " + limit + " bytes (the limit, "
                    + LIMIT_PROPERTY + "); they stay in " + folder + " on " + member.host();
            zip = FolderZip.zip(folder, name -> !name.startsWith(ARTIFACTS), limit);
        }
        maps.ran.set(key, member.tag() + "\t" + member.line() + note);
        maps.results.putIfAbsent(key, zip);
    }
}
