package org.overparam.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class StaticStateScannerTest {
    @Test
    void staticFieldsThatAreNotFinalAreFound() {
        String source = """
                final class Holder {
                    private static Holder instance;
                    static volatile int count = 0;
                    public static String last = "";
                    private final java.util.Map<String, String> mine = new java.util.HashMap<>();
                    static final int LIMIT = 3;
                }
                """;
        assertEquals(List.of("instance: static and not final", "count: static and not final",
                "last: static and not final"), StaticStateScanner.find(source));
    }

    @Test
    void finalStaticContainersAndCachesAreFound() {
        String source = """
                final class Tables {
                    private static final Set<Path> HELD = new HashSet<>();
                    private static final Cache<Key, String> CACHE = CacheBuilder.newBuilder()
                            .maximumSize(10).build();
                    static final Map<String, Integer> COUNTS = Collections.synchronizedMap(new TreeMap<>());
                    private static final AtomicLong NEXT = new AtomicLong();
                    private static final ThreadLocal<double[]> SCRATCH =
                            ThreadLocal.withInitial(() -> new double[8]);
                    static final List<String> PENDING = new java.util.concurrent.CopyOnWriteArrayList<>();
                }
                """;
        assertEquals(List.of("HELD: a static mutable container or cache", "CACHE: a static mutable container or cache",
                "COUNTS: a static mutable container or cache", "NEXT: a static mutable container or cache",
                "SCRATCH: a static mutable container or cache", "PENDING: a static mutable container or cache"),
                StaticStateScanner.find(source));
    }

    @Test
    void arraysAreFoundOnlyWhenTheFileWritesThem() {
        String source = """
                final class Arrays {
                    private static final byte[] MAGIC = {1, 2, 3};
                    private static final double[] LAST = new double[4];
                    static boolean same(byte[] b) {
                        return b[0] == MAGIC[0];
                    }
                    static void keep(double v) {
                        LAST[0] = v;
                    }
                }
                """;
        assertEquals(List.of("LAST: a static array the file writes"), StaticStateScanner.find(source));
    }

    @Test
    void constantsImmutableValuesNestedTypesAndCommentsAreFine() {
        String source = """
                final class Constants {
                    /** private static int counter; in a comment */
                    // static Map<String, String> old = new HashMap<>();
                    public static final String FILE = "run.lock";
                    private static final List<String> KEYS = List.of("a", "b");
                    private static final Map<String, String> NAMES = Map.of("a", "b");
                    private static final Pattern WORD = Pattern.compile("\\\\w+");
                    private static final Pattern STEP = Pattern.compile("^\\\\{\\"step\\": (\\\\d+), '{'");
                    static final Set<String> COPY = Set.copyOf(new HashSet<>(KEYS));
                    private static final class Nested {
                    }
                    static record Point(int x, int y) {
                    }
                    private final Map<String, String> table = new HashMap<>();
                    static int twice(int x) {
                        int y = x;
                        return 2 * y;
                    }
                }
                """;
        assertEquals(List.of(), StaticStateScanner.find(source));
    }
}
