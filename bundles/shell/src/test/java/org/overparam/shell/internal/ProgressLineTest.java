package org.overparam.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The text of the terminal progress line for given inputs: bar, rates, ETA, fitting the width. */
class ProgressLineTest {
    @Test
    void aFullLineHasBarStepsLossSpeedAndEta() {
        // 1200 of 2000 steps at 850 steps/s: 800 left = 0.94 s, rounded to 0:01
        assertEquals("[==================>           ]  60%  step 1200/2000  loss 3.142e-04  850 steps/s  ETA 0:01",
                ProgressLine.render("", 1200, 2000, 3.1416e-4, 850, "", 120));
        assertEquals("run 3/12  [===============>              ]  50%  step 500/1000  loss 1.000e+00  2.50 steps/s  "
                        + "ETA 3:20  sweep 20% ETA 1:02:03",
                ProgressLine.render("run 3/12", 500, 1000, 1, 2.5, "sweep 20% ETA 1:02:03", 200));
    }

    @Test
    void etaAndRatesAreFormattedForHumans() {
        assertEquals("0:00", Formats.clock(0.4));
        assertEquals("2:05", Formats.clock(125));
        assertEquals("1:00:00", Formats.clock(3600));
        assertEquals("27:46:40", Formats.clock(100_000));
        assertEquals("850", Formats.rate(850.4));
        assertEquals("12.5", Formats.rate(12.53));
        assertEquals("0.42", Formats.rate(0.4213));
        // unknown speed: no speed and no ETA; done: no ETA
        assertEquals("[>         ]   0%  step 0/10  loss 5.000e+00",
                ProgressLine.render("", 0, 10, 5, Double.NaN, "", 45));
        assertEquals("[==========] 100%  step 10/10  loss 5.000e+00  20.0 steps/s",
                ProgressLine.render("", 10, 10, 5, 20, "", 60));
        assertEquals("100", Formats.rate(99.97));
        assertEquals("10.0", Formats.rate(9.999));
    }

    @Test
    void narrowTerminalsShrinkThenDropTheBarThenCut() {
        // the text after the bar takes 59 characters: at 80 columns the bar gets 80 - 1 - 59 - 2 = 18 cells
        String shrunk = ProgressLine.render("", 300, 1000, 0.5, 100, "", 80);
        assertEquals("[=====>            ]  30%  step 300/1000  loss 5.000e-01  100 steps/s  ETA 0:07", shrunk);
        assertEquals(79, shrunk.length());
        assertEquals(']', ProgressLine.render("", 300, 1000, 0.5, 100, "", 79).charAt(18), "one cell fewer at 79");
        // below 10 cells the bar goes
        assertEquals("30%  step 300/1000  loss 5.000e-01  100 steps/s  ETA 0:07",
                ProgressLine.render("", 300, 1000, 0.5, 100, "", 70));
        // then the end is cut, one character short of the width
        assertEquals("30%  step 300/1000  loss 5.000e-01  100", ProgressLine.render("", 300, 1000, 0.5, 100, "", 40));
    }

    @Test
    void barsAndColumns() {
        assertEquals("[>    ]", ProgressLine.bar(0, 5));
        assertEquals("[==>  ]", ProgressLine.bar(0.5, 5));
        assertEquals("[=====]", ProgressLine.bar(1, 5));
        assertEquals("[=====]", ProgressLine.bar(7, 5));
        assertEquals(80, ProgressLine.columns(null));
        assertEquals(132, ProgressLine.columns("132"));
        assertEquals(80, ProgressLine.columns("wide"));
        assertEquals(80, ProgressLine.columns("5"));
    }
}
