package haptic.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import haptic.protocol.Param;
import org.junit.jupiter.api.Test;

class AttenuationTest {
    @Test
    void tableFollowsTheFormulaAcrossTheParameterRanges() {
        float maxDistance = Layout.defaultLayout().maxDistance();
        Attenuation a = new Attenuation(maxDistance);
        float[] knees = {Param.DECAY_KNEE.min(), 0.03f, 0.15f, 0.6f, Param.DECAY_KNEE.max()};
        float[] exponents = {Param.DECAY_EXPONENT.min(), 0.5f, 1f, 1.5f, 2.5f, Param.DECAY_EXPONENT.max()};
        for (float knee : knees) {
            for (float exponent : exponents) {
                a.set(knee, exponent);
                double worst = 0;
                for (int k = 0; k <= 20000; k++) {
                    double d = maxDistance * 1.5 * k / 20000;
                    worst = Math.max(worst, Math.abs(a.at((float) d) - Attenuation.exact(d, knee, exponent)));
                }
                assertEquals(0, worst, 1e-3, "knee " + knee + ", exponent " + exponent);
            }
        }
        a.set(0.15f, 0f);
        assertEquals(0.5f, a.at(0f), "exponent 0: the same (halved) level everywhere");
        assertEquals(0.5f, a.at(0.4f), 1e-6f);
        a.set(0.2f, 2f);
        assertEquals(0.5f, a.at(0.2f), 1e-3f, "half level at the knee");
        assertEquals(a.at(10f), a.at(5f), "beyond the table the last entry holds");
    }

    @Test
    void versionChangesOnlyWithTheCurve() {
        Attenuation a = new Attenuation(1f);
        a.set(0.1f, 1f);
        int v = a.version();
        a.set(0.1f, 1f);
        assertEquals(v, a.version());
        a.set(0.1f, 2f);
        assertEquals(v + 1, a.version());
    }
}
