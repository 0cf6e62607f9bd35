package haptic.plugin;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BackoffTest {
    @Test
    void doublesFromTheFirstDelayUpToTheCapAndStartsOverAfterSuccess() {
        Backoff b = new Backoff(ServerConnection.FIRST_RETRY_NANOS, ServerConnection.MAX_RETRY_NANOS);
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            millis.add(b.next() / 1_000_000);
        }
        assertEquals(List.of(100L, 200L, 400L, 800L, 1600L, 2000L, 2000L), millis);
        b.reset();
        assertEquals(100L, b.next() / 1_000_000);
    }
}
