package haptic.server.ipc;

import haptic.protocol.Param;
import haptic.server.link.EngineCommand;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandBacklogTest {
    private final EngineCommand scratch = new EngineCommand();

    @Test
    void keepsOrderAcrossWrapAroundAndRefusesWhenFull() {
        CommandBacklog b = new CommandBacklog(4, 2);
        int next = 0;
        List<Integer> out = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            while (b.free() > 0) {
                assertTrue(b.append(scratch.noteOn(0, 0, next++, 1f, 0f, 0f, 0f)));
            }
            assertFalse(b.append(scratch.noteOn(0, 0, 999, 1f, 0f, 0f, 0f)), "full backlog refuses");
            out.add(b.peek().note);
            b.removeHead();
            out.add(b.peek().note);
            b.removeHead();
        }
        while (!b.isEmpty()) {
            out.add(b.peek().note);
            b.removeHead();
        }
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < next; i++) {
            expected.add(i);
        }
        assertEquals(expected, out);
        assertNull(b.peek());
        assertEquals(4, b.highWater());
    }

    @Test
    void newerExpressionOverwritesTheWaitingOne() {
        CommandBacklog b = new CommandBacklog(16, 2);
        b.append(scratch.expression(1, 5, 0.1f, 0.2f, 0.3f));
        b.append(scratch.expression(1, 5, 0.4f, 0.5f, 0.6f));
        assertEquals(1, b.size());
        assertEquals(1, b.merged());
        EngineCommand e = b.peek();
        assertEquals(List.of(0.4f, 0.5f, 0.6f), List.of(e.pressure, e.bend, e.timbre));
    }

    @Test
    void expressionsOfOtherChannelsOrInstancesStaySeparate() {
        CommandBacklog b = new CommandBacklog(16, 2);
        b.append(scratch.expression(0, 5, 0.1f, 0f, 0f));
        b.append(scratch.expression(0, 6, 0.2f, 0f, 0f));
        b.append(scratch.expression(1, 5, 0.3f, 0f, 0f));
        b.append(scratch.parameter(0, Param.GAIN, 1f));
        b.append(scratch.expression(0, 5, 0.4f, 0f, 0f));
        assertEquals(4, b.size(), "a parameter change is no barrier, other channels are separate");
        assertEquals(List.of("E0/5:0.4", "E0/6:0.2", "E1/5:0.3", "P0"), drain(b));
    }

    @Test
    void noteEventsAndLifecycleCommandsAreBarriers() {
        CommandBacklog b = new CommandBacklog(32, 2);
        b.append(scratch.expression(0, 1, 0.1f, 0f, 0f));
        b.append(scratch.noteOff(0, 1, 60));
        b.append(scratch.expression(0, 1, 0.2f, 0f, 0f));
        b.append(scratch.noteOn(0, 1, 61, 1f, 0f, 0f, 0f));
        b.append(scratch.expression(0, 1, 0.3f, 0f, 0f));
        b.append(scratch.releaseInstance(0));
        b.append(scratch.expression(0, 1, 0.4f, 0f, 0f));
        b.append(scratch.resetInstance(0));
        b.append(scratch.expression(0, 1, 0.5f, 0f, 0f));
        b.append(scratch.panic());
        b.append(scratch.expression(0, 1, 0.6f, 0f, 0f));
        b.append(scratch.expression(0, 1, 0.7f, 0f, 0f));
        assertEquals(List.of("E0/1:0.1", "off0/1", "E0/1:0.2", "on0/1", "E0/1:0.3", "rel0", "E0/1:0.4", "reset0",
                "E0/1:0.5", "panic", "E0/1:0.7"), drain(b));
        assertEquals(1, b.merged());
    }

    @Test
    void aDeliveredExpressionIsNotAMergeTarget() {
        CommandBacklog b = new CommandBacklog(4, 1);
        b.append(scratch.expression(0, 2, 0.1f, 0f, 0f));
        b.removeHead();
        b.append(scratch.expression(0, 2, 0.2f, 0f, 0f));
        assertEquals(1, b.size());
        assertEquals(0, b.merged());
        assertEquals(0.2f, b.peek().pressure);
    }

    @Test
    void mergingNeedsNoFreeSpace() {
        CommandBacklog b = new CommandBacklog(2, 1);
        b.append(scratch.noteOn(0, 3, 60, 1f, 0f, 0f, 0f));
        b.append(scratch.expression(0, 3, 0.1f, 0f, 0f));
        assertTrue(b.append(scratch.expression(0, 3, 0.9f, 0f, 0f)), "a full backlog still absorbs updates");
        assertFalse(b.append(scratch.noteOff(0, 3, 60)));
        assertEquals(List.of("on0/3", "E0/3:0.9"), drain(b));
    }

    private static List<String> drain(CommandBacklog b) {
        List<String> out = new ArrayList<>();
        while (!b.isEmpty()) {
            EngineCommand c = b.peek();
            switch (c.type) {
                case EngineCommand.EXPRESSION -> out.add("E" + c.instance + "/" + c.channel + ":" + c.pressure);
                case EngineCommand.NOTE_ON -> out.add("on" + c.instance + "/" + c.channel);
                case EngineCommand.NOTE_OFF -> out.add("off" + c.instance + "/" + c.channel);
                case EngineCommand.PARAMETER -> out.add("P" + c.instance);
                case EngineCommand.RELEASE_INSTANCE -> out.add("rel" + c.instance);
                case EngineCommand.RESET_INSTANCE -> out.add("reset" + c.instance);
                case EngineCommand.PANIC -> out.add("panic");
                default -> out.add("?" + c.type);
            }
            b.removeHead();
        }
        return out;
    }
}
