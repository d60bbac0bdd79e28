package org.overparam.nn.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.overparam.api.Shape;
import org.overparam.linalg.ConvMap;
import org.overparam.nn.Block;
import org.overparam.nn.Conv;
import org.overparam.nn.KernelMap;
import org.overparam.nn.Kernels;
import org.overparam.nn.Parameterization;

/**
 * A bound {@link Conv}: linalg's {@link ConvMap} (im2col + gemm per sample) and a bias per output
 * channel; the R-operator is {@link LinearLayer}'s. Not a dense layer, so it has no NTK piece.
 *
 * <p>Kernel map (Novak et al. 2019, arXiv 1810.05148; Arora et al. 2019, arXiv 1904.11955): per
 * pair of output positions {@code (o, o')}, with {@code M[.](o, o') = (1/|k|) sum_d .(o s + d - p,
 * o' s + d - p)} the mean over the filter window of the input kernel (zero outside the input),
 * NTK parameterization {@code K' = sw2 M[K] + sb2}, {@code Theta' = K' + sw2 M[Theta]}; standard
 * {@code Theta' = c |k| M[K] + sw2 M[Theta] (+ 1 with a bias)}.
 */
public final class ConvLayer extends LinearLayer {
    private final Shape in;
    private final Shape out;
    private final ConvMap map;
    private final Conv spec;

    /**
     * @param name the layer's name
     * @param in {@code [c, l]} or {@code [c, h, w]}
     * @param spec the layer as written
     */
    public ConvLayer(String name, Shape in, Conv spec) {
        this(name, in, spec, map(in, spec));
    }

    private ConvLayer(String name, Shape in, Conv spec, ConvMap map) {
        super(name, map, spec.channels(), map.positions(), blocks(name, in, spec));
        this.in = in;
        this.map = map;
        this.spec = spec;
        this.out = in.rank() == 2 ? Shape.of(spec.channels(), map.ow()) : Shape.of(spec.channels(), map.oh(), map.ow());
    }

    private static ConvMap map(Shape in, Conv s) {
        int[] k = s.kernel();
        int[] st = s.stride();
        int[] p = s.padding();
        if (in.rank() == 2) {
            return new ConvMap(in.dim(0), 1, in.dim(1), s.channels(), 1, k[0], 1, st[0], 0, p[0]);
        }
        return new ConvMap(in.dim(0), in.dim(1), in.dim(2), s.channels(), k[0], k[1], st[0], st[1], p[0], p[1]);
    }

    private static List<Block> blocks(String name, Shape in, Conv spec) {
        int[] dims = new int[2 + spec.kernel().length];
        dims[0] = spec.channels();
        dims[1] = in.dim(0);
        System.arraycopy(spec.kernel(), 0, dims, 2, spec.kernel().length);
        List<Block> b = new ArrayList<>();
        b.add(Block.weight(spec.weightName() != null ? spec.weightName() : Names.join(name, "weight"), Shape.of(dims)));
        if (spec.bias()) {
            b.add(Block.bias(spec.biasName() != null ? spec.biasName() : Names.join(name, "bias"), spec.channels()));
        }
        return b;
    }

    @Override
    public Shape inputShape() {
        return in;
    }

    @Override
    public Shape outputShape() {
        return out;
    }

    @Override
    public boolean densePieces() {
        return false;
    }

    @Override
    public Optional<KernelMap> kernelMap() {
        return Optional.of(this::kernels);
    }

    private Kernels kernels(Kernels k, Parameterization parameterization) {
        int h = map.h();
        int w = map.w();
        int oh = map.oh();
        int ow = map.ow();
        int window = map.kh() * map.kw();
        int n = k.n();
        int pIn = h * w;
        int pOut = oh * ow;
        int sideIn = n * pIn;
        int sideOut = n * pOut;
        double[] mk = new double[sideOut * sideOut];
        double[] mt = new double[sideOut * sideOut];
        for (int a = 0; a < sideOut; a++) {
            int i = a / pOut;
            int oy = (a % pOut) / ow;
            int ox = a % ow;
            for (int b = 0; b < sideOut; b++) {
                int j = b / pOut;
                int qy = (b % pOut) / ow;
                int qx = b % ow;
                double sk = 0;
                double st = 0;
                for (int ki = 0; ki < map.kh(); ki++) {
                    int y1 = oy * map.sh() - map.ph() + ki;
                    int y2 = qy * map.sh() - map.ph() + ki;
                    if (y1 < 0 || y1 >= h || y2 < 0 || y2 >= h) {
                        continue;
                    }
                    for (int kj = 0; kj < map.kw(); kj++) {
                        int x1 = ox * map.sw() - map.pw() + kj;
                        int x2 = qx * map.sw() - map.pw() + kj;
                        if (x1 < 0 || x1 >= w || x2 < 0 || x2 >= w) {
                            continue;
                        }
                        int at = (i * pIn + y1 * w + x1) * sideIn + j * pIn + y2 * w + x2;
                        sk += k.nngp()[at];
                        st += k.ntk()[at];
                    }
                }
                mk[a * sideOut + b] = sk / window;
                mt[a * sideOut + b] = st / window;
            }
        }
        double sw2 = spec.weightVariance();
        double sb2 = hasBias() ? spec.biasVariance() : 0.0;
        double fanIn = (double) map.c() * window;
        boolean ntkParam = parameterization == Parameterization.NTK;
        double[] nngp = new double[mk.length];
        double[] ntk = new double[mk.length];
        for (int e = 0; e < mk.length; e++) {
            nngp[e] = sw2 * mk[e] + sb2;
            ntk[e] = ntkParam ? nngp[e] + sw2 * mt[e] : fanIn * mk[e] + sw2 * mt[e] + (hasBias() ? 1.0 : 0.0);
        }
        Shape spatial = in.rank() == 2 ? Shape.of(ow) : Shape.of(oh, ow);
        return new Kernels(n, spatial, nngp, ntk);
    }
}
