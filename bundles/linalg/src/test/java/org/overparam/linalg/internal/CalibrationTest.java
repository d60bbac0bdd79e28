package org.overparam.linalg.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The calibration cache: round trip, invalidation by environment, corrupt files, the cache folder. */
class CalibrationTest {
    private static final CalibrationEnvironment ENV = new CalibrationEnvironment("Fake CPU 9000 @ 3.0GHz",
            "openblas=libopenblasp-r0.3.26.so netlib=3.0.4 linalg=1.0 java=21 threads=2/2");

    @TempDir
    Path dir;

    private static CalibrationTable table(CalibrationEnvironment env, boolean... choices) {
        double[] nat = {0.012, 0.5, 8.25, 4.0, 2.5};
        double[] jav = {0.02, 0.3, 3.125, 1.75, 3.0};
        return new CalibrationTable(env, choices, nat, jav);
    }

    /** Counts measurements and returns a fixed table. */
    private static final class FakeMeasure implements Supplier<CalibrationTable> {
        final AtomicInteger calls = new AtomicInteger();
        final CalibrationTable result;

        FakeMeasure(CalibrationTable result) {
            this.result = result;
        }

        @Override
        public CalibrationTable get() {
            calls.incrementAndGet();
            return result;
        }
    }

    private static PrintStream quiet(ByteArrayOutputStream out) {
        return new PrintStream(out, true, StandardCharsets.UTF_8);
    }

    @Test
    void theTableRoundTripsThroughTheCacheFile() {
        CalibrationTable t = table(ENV, false, true, true, true, false);
        CalibrationTable back = CalibrationTable.parse(t.format());
        assertEquals(t.format(), back.format());
        assertEquals(ENV, back.environment());
        assertFalse(back.java(CalibrationTable.Shape.DGEMM_SMALL));
        assertTrue(back.java(CalibrationTable.Shape.DGEMM_LARGE));
        assertFalse(back.java(CalibrationTable.Shape.SYRK));
        assertEquals(8.25, back.nativeMillis()[CalibrationTable.Shape.DGEMM_LARGE.ordinal()]);
        assertEquals(3.125, back.javaMillis()[CalibrationTable.Shape.DGEMM_LARGE.ordinal()]);
        assertEquals("dgemm.small=native dgemm.medium=java dgemm.large=java sgemm=java syrk=native", back.summary());
    }

    @Test
    void aValidCacheIsUsedWithoutMeasuring() {
        Path file = dir.resolve(Calibration.FILE);
        FakeMeasure first = new FakeMeasure(table(ENV, true, true, true, true, true));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Calibration.loadOrMeasure(file, ENV, first, quiet(err));
        assertEquals(1, first.calls.get());
        FakeMeasure second = new FakeMeasure(table(ENV, false, false, false, false, false));
        CalibrationTable cached = Calibration.loadOrMeasure(file, ENV, second, quiet(err));
        assertEquals(0, second.calls.get());
        assertEquals("dgemm.small=java dgemm.medium=java dgemm.large=java sgemm=java syrk=java", cached.summary());
        assertEquals(0, err.size());
    }

    @Test
    void aNewCpuModelOrLibraryVersionMeasuresAgain() throws Exception {
        Path file = dir.resolve(Calibration.FILE);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Calibration.loadOrMeasure(file, ENV, new FakeMeasure(table(ENV, true, true, true, true, true)), quiet(err));

        CalibrationEnvironment newCpu = new CalibrationEnvironment("Fake CPU 9100 @ 3.2GHz", ENV.libraryVersion());
        FakeMeasure onNewCpu = new FakeMeasure(table(newCpu, false, false, true, true, true));
        CalibrationTable t = Calibration.loadOrMeasure(file, newCpu, onNewCpu, quiet(err));
        assertEquals(1, onNewCpu.calls.get());
        assertEquals("dgemm.small=native dgemm.medium=native dgemm.large=java sgemm=java syrk=java", t.summary());
        assertTrue(Files.readString(file).contains("cpu=Fake CPU 9100 @ 3.2GHz\n"));

        CalibrationEnvironment newLibrary = new CalibrationEnvironment(newCpu.cpuModel(),
                "openblas=libopenblasp-r0.3.27.so netlib=3.0.4 linalg=1.0 java=21 threads=2/2");
        FakeMeasure onNewLibrary = new FakeMeasure(table(newLibrary, false, false, false, false, false));
        t = Calibration.loadOrMeasure(file, newLibrary, onNewLibrary, quiet(err));
        assertEquals(1, onNewLibrary.calls.get());
        assertEquals("dgemm.small=native dgemm.medium=native dgemm.large=native sgemm=native syrk=native", t.summary());
        assertEquals(newLibrary, CalibrationTable.parse(Files.readString(file)).environment());
        assertEquals(0, err.size());
    }

    @Test
    void aCorruptCacheIsIgnoredWithOneLineAndRecalibrated() throws Exception {
        Path file = dir.resolve(Calibration.FILE);
        Files.writeString(file, "cpu=Fake CPU 9000 @ 3.0GHz\ndgemm.small=fast\ngarbage\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        FakeMeasure measure = new FakeMeasure(table(ENV, false, true, true, true, false));
        CalibrationTable t = Calibration.loadOrMeasure(file, ENV, measure, quiet(err));
        assertEquals(1, measure.calls.get());
        assertSame(measure.result, t);
        String notice = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, notice.lines().count(), notice);
        assertTrue(notice.startsWith("overparam: ignoring unreadable linalg calibration cache " + file), notice);
        assertEquals(t.format(), Files.readString(file));
    }

    @Test
    void aMissingShapeOrBadChoiceIsRejected() {
        String good = table(ENV, true, true, true, true, true).format();
        assertThrows(IllegalArgumentException.class, () -> CalibrationTable.parse(good.replace("syrk=java", "syrk=gpu")));
        assertThrows(IllegalArgumentException.class, () -> CalibrationTable.parse(good.replaceAll("(?m)^sgemm=.*\n", "")));
        assertThrows(IllegalArgumentException.class, () -> CalibrationTable.parse(good.replace("library=", "librar=")));
    }

    @Test
    void dgemmShapeClassesCutAtFixedSizes() {
        assertEquals(CalibrationTable.Shape.DGEMM_SMALL, CalibrationTable.Shape.dgemm(63, 64, 64));
        assertEquals(CalibrationTable.Shape.DGEMM_MEDIUM, CalibrationTable.Shape.dgemm(64, 64, 64));
        assertEquals(CalibrationTable.Shape.DGEMM_MEDIUM, CalibrationTable.Shape.dgemm(255, 256, 256));
        assertEquals(CalibrationTable.Shape.DGEMM_LARGE, CalibrationTable.Shape.dgemm(256, 256, 256));
        assertEquals(CalibrationTable.Shape.DGEMM_LARGE, CalibrationTable.Shape.dgemm(100, 2000, 50_000));
    }

    @Test
    void theCacheFolderPropertyWins() {
        String before = System.getProperty(Calibration.CACHE_PROPERTY);
        try {
            System.setProperty(Calibration.CACHE_PROPERTY, dir.toString());
            assertEquals(dir, Calibration.cacheFolder());
        } finally {
            if (before == null) {
                System.clearProperty(Calibration.CACHE_PROPERTY);
            } else {
                System.setProperty(Calibration.CACHE_PROPERTY, before);
            }
        }
    }
}
