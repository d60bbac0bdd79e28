package org.overparam.engine.internal.checkpoint;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.overparam.api.BlockRole;
import org.overparam.api.BlockSpec;
import org.overparam.api.Layout;
import org.overparam.api.Params;
import org.overparam.api.Shape;
import org.overparam.api.State;
import org.overparam.api.run.RunStatus;
import org.overparam.engine.internal.folder.MetricStore;

/**
 * The body of a checkpoint file, in {@link DataOutputStream}'s big-endian encoding: a string is an
 * {@code int} byte count and that many UTF-8 bytes; a double is the {@code long} of its raw bits
 * ({@link Double#doubleToRawLongBits}, so NaN payloads survive); a boolean is one byte. In order:
 * <pre>
 * string specSha, string status, long steps, long metricsBytes, long sampleGradients,
 * string optimizer, string schedule, long scheduleStart, double loss,
 * int P, P x (string component, string bundle, string version)
 * params                        the point
 * long seed, long position      the optimizer's stream
 * int A, A x (string label, long seed, long position)
 * state                         the optimizer's
 * int S, S x (string label, state)
 * </pre>
 * where {@code params} is a layout (int blocks, then per block: string name, int rank, rank x int dim,
 * string role, int fanIn, boolean trainable, boolean tied, [string tiedTo]) followed by every block's
 * values, and {@code state} is {@code int B, B x (string name, params)}, {@code int R, R x (string name,
 * int n, n x double)}, {@code int C, C x (string name, double)} in the state's own order.
 *
 * <p>Format version 1 had one more section at the end, the metric histories
 * ({@code int H, H x (string metric, int n, n x long step, n x double value)}); it is read past, as
 * the histories now come from metrics.csv ({@link MetricStore#histories}).
 */
public final class CheckpointCodec {
    private static final int CHUNK = 8192;

    private CheckpointCodec() {
    }

    /**
     * @param c the checkpoint
     * @param out where the body goes
     * @throws IOException if it cannot be written
     */
    static void write(Checkpoint c, DataOutputStream out) throws IOException {
        string(out, c.specSha());
        string(out, c.status().name());
        out.writeLong(c.steps());
        out.writeLong(c.metricsBytes());
        out.writeLong(c.sampleGradients());
        string(out, c.optimizer());
        string(out, c.schedule());
        out.writeLong(c.scheduleStart());
        out.writeLong(Double.doubleToRawLongBits(c.loss()));
        out.writeInt(c.providers().size());
        for (Checkpoint.Provider p : c.providers()) {
            string(out, p.component());
            string(out, p.bundle());
            string(out, p.version());
        }
        params(out, c.params());
        out.writeLong(c.optimizerStream().seed());
        out.writeLong(c.optimizerStream().position());
        out.writeInt(c.analyzerStreams().size());
        for (Map.Entry<String, Checkpoint.Stream> e : c.analyzerStreams().entrySet()) {
            string(out, e.getKey());
            out.writeLong(e.getValue().seed());
            out.writeLong(e.getValue().position());
        }
        state(out, c.optimizerState());
        out.writeInt(c.analyzerStates().size());
        for (Map.Entry<String, State> e : c.analyzerStates().entrySet()) {
            string(out, e.getKey());
            state(out, e.getValue());
        }
    }

    /**
     * @param in the body, positioned after the header
     * @param version the file's format version (1 or 2)
     * @return the checkpoint, without metric histories
     * @throws IOException if the stream ends early or cannot be read
     * @throws IllegalArgumentException if a value is out of place (a negative count, an unknown status)
     */
    static Checkpoint read(BoundedInput in, int version) throws IOException {
        String sha = in.string();
        RunStatus status = RunStatus.valueOf(in.string());
        long steps = in.nonNegativeLong("steps");
        long metricsBytes = in.nonNegativeLong("metrics length");
        long sampleGradients = in.nonNegativeLong("sample gradients");
        String optimizer = in.string();
        String schedule = in.string();
        long scheduleStart = in.nonNegativeLong("schedule start");
        double loss = Double.longBitsToDouble(in.readLong());
        List<Checkpoint.Provider> providers = new ArrayList<>();
        for (int i = in.count(); i > 0; i--) {
            providers.add(new Checkpoint.Provider(in.string(), in.string(), in.string()));
        }
        Params params = params(in);
        Checkpoint.Stream optimizerStream = new Checkpoint.Stream(in.readLong(), in.readLong());
        Map<String, Checkpoint.Stream> streams = new LinkedHashMap<>();
        for (int i = in.count(); i > 0; i--) {
            streams.put(in.string(), new Checkpoint.Stream(in.readLong(), in.readLong()));
        }
        State optimizerState = state(in);
        Map<String, State> states = new LinkedHashMap<>();
        for (int i = in.count(); i > 0; i--) {
            states.put(in.string(), state(in));
        }
        for (int i = version == 1 ? in.count() : 0; i > 0; i--) {
            in.string();
            int n = in.count();
            for (int j = 0; j < n; j++) {
                in.readLong();
            }
            in.doubles(n);
        }
        return new Checkpoint(sha, status, steps, metricsBytes, sampleGradients, optimizer, schedule, scheduleStart,
                loss, providers, params, optimizerStream, streams, optimizerState, states, Map.of());
    }

    private static void params(DataOutputStream out, Params p) throws IOException {
        Layout layout = p.layout();
        out.writeInt(layout.count());
        for (BlockSpec b : layout.blocks()) {
            string(out, b.name());
            int[] dims = b.shape().dims();
            out.writeInt(dims.length);
            for (int d : dims) {
                out.writeInt(d);
            }
            string(out, b.role().name());
            out.writeInt(b.fanIn());
            out.writeBoolean(b.trainable());
            out.writeBoolean(b.tiedTo() != null);
            if (b.tiedTo() != null) {
                string(out, b.tiedTo());
            }
        }
        for (int i = 0; i < layout.count(); i++) {
            raw(out, p.block(i));
        }
    }

    private static Params params(BoundedInput in) throws IOException {
        List<BlockSpec> blocks = new ArrayList<>();
        for (int i = in.count(); i > 0; i--) {
            String name = in.string();
            int[] dims = new int[in.count()];
            for (int j = 0; j < dims.length; j++) {
                dims[j] = in.readInt();
            }
            BlockRole role = BlockRole.valueOf(in.string());
            int fanIn = in.readInt();
            boolean trainable = in.readBoolean();
            String tiedTo = in.readBoolean() ? in.string() : null;
            blocks.add(new BlockSpec(name, Shape.of(dims), role, fanIn, trainable, tiedTo));
        }
        Layout layout = new Layout(blocks);
        double[][] values = new double[layout.count()][];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.doubles(layout.block(i).size());
        }
        return Params.wrap(layout, values);
    }

    private static void state(DataOutputStream out, State s) throws IOException {
        out.writeInt(s.allParams().size());
        for (Map.Entry<String, Params> e : s.allParams().entrySet()) {
            string(out, e.getKey());
            params(out, e.getValue());
        }
        out.writeInt(s.allArrays().size());
        for (Map.Entry<String, double[]> e : s.allArrays().entrySet()) {
            string(out, e.getKey());
            doubles(out, e.getValue());
        }
        out.writeInt(s.allScalars().size());
        for (Map.Entry<String, Double> e : s.allScalars().entrySet()) {
            string(out, e.getKey());
            out.writeLong(Double.doubleToRawLongBits(e.getValue()));
        }
    }

    private static State state(BoundedInput in) throws IOException {
        State s = new State();
        for (int i = in.count(); i > 0; i--) {
            s.allParams().put(in.string(), params(in));
        }
        for (int i = in.count(); i > 0; i--) {
            String name = in.string();
            s.allArrays().put(name, in.doubles(in.count()));
        }
        for (int i = in.count(); i > 0; i--) {
            String name = in.string();
            s.allScalars().put(name, Double.longBitsToDouble(in.readLong()));
        }
        return s;
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static void doubles(DataOutputStream out, double[] values) throws IOException {
        out.writeInt(values.length);
        raw(out, values);
    }

    /** Writes the raw bits of every value, big-endian, in chunks. */
    private static void raw(DataOutputStream out, double[] values) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(CHUNK * Double.BYTES);
        for (int from = 0; from < values.length; from += CHUNK) {
            int n = Math.min(CHUNK, values.length - from);
            buf.clear();
            buf.asDoubleBuffer().put(values, from, n);
            out.write(buf.array(), 0, n * Double.BYTES);
        }
    }
}
